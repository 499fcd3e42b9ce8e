import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import SaveCanteen from '#info/actions/save_canteen'
import SaveNews from '#info/actions/save_news'
import SetFeatures from '#kernel/modules/actions/set_features'
import { makeAgent, makeCollectivity } from '../../functional/tenancy/fixtures.js'
import { assertAccessiblePage, signIn } from '#tests/helpers/browser'

/**
 * Issue 10, items 8 and 9: every back-office page, as each demo role (super-admin, département
 * admin, commune admin, commune editor, EPCI editor) sees it, has no serious or critical axe-core
 * violation, and none scrolls sideways on a 390 px phone.
 */
test.group('Back-office: axe-core and 390 px on every page for every role', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.timeout(600_000)

  async function demo() {
    const departement = await makeCollectivity('departement', 'Gers')
    const epci = await makeCollectivity('epci', 'Grand Auch Cœur de Gascogne', {
      departementId: departement.id,
    })
    const auch = await makeCollectivity('commune', 'Auch', {
      departementId: departement.id,
      epciId: epci.id,
    })
    for (const authority of [departement, epci, auch]) {
      await new SetFeatures().handle(authority, { enable: ['canteens', 'markets', 'polls'] })
    }
    const canteen = await new SaveCanteen().handle(auch.id, {
      name: 'École Jean-Jaurès',
      type: 'elementaire',
    })
    const news = await new SaveNews().handle(auch.id, {
      title: 'Un titre d’actualité très long pour vérifier que rien ne déborde sur un téléphone',
      summary: 'Chapô',
      body: '<p>Texte <strong>gras</strong></p>',
    })
    await makeAgent('superadmin@example.test', [], { isSuperAdmin: true })
    await makeAgent('admin.gers@example.test', [[departement, 'admin']])
    await makeAgent('admin.auch@example.test', [[auch, 'admin']])
    await makeAgent('redaction.auch@example.test', [[auch, 'editor']])
    await makeAgent('redaction.grand-auch@example.test', [[epci, 'editor']])
    return { canteen, news }
  }

  const CONTENT_PAGES = (ids: { canteen: number; news: number }) => [
    '/',
    '/info/news',
    '/info/news?edit=new',
    `/info/news?edit=${ids.news}`,
    '/info/events?edit=new',
    '/info/places?edit=new',
    '/info/contacts?edit=new',
    '/info/canteens',
    `/info/canteens?edit=${ids.canteen}&menu=new`,
  ]
  const ADMIN_PAGES = ['/agents', '/settings', '/audit']

  const check = assertAccessiblePage

  test('every page, every demo role', async ({ visit, assert }) => {
    const ids = await demo()
    const guest = await visit('/login')
    await check(guest, '/login', 'visiteur', assert)
    await check(guest, '/password/forgot', 'visiteur', assert)

    const roles: Array<[string, string[]]> = [
      [
        'superadmin@example.test',
        [
          ...CONTENT_PAGES({ canteen: ids.canteen.id, news: ids.news.id }),
          ...ADMIN_PAGES,
          '/jobs/failed',
        ],
      ],
      ['admin.gers@example.test', ['/', '/info/news?edit=new', '/info/places', ...ADMIN_PAGES]],
      [
        'admin.auch@example.test',
        [...CONTENT_PAGES({ canteen: ids.canteen.id, news: ids.news.id }), ...ADMIN_PAGES],
      ],
      [
        'redaction.auch@example.test',
        CONTENT_PAGES({ canteen: ids.canteen.id, news: ids.news.id }),
      ],
      [
        'redaction.grand-auch@example.test',
        ['/', '/info/news?edit=new', '/info/events', '/info/places?edit=new', '/info/contacts'],
      ],
    ]
    for (const [email, pages] of roles) {
      const page = await signIn(visit, email)
      if (email.startsWith('superadmin')) {
        // Act for Auch, whose items the page list names.
        await page.getByLabel('Rechercher une collectivité').fill('Auch')
        await page.getByRole('button', { name: 'Rechercher' }).click()
        await page
          .getByTestId('switcher-status')
          .getByText(/résultat/)
          .waitFor()
        const auchOption = page
          .getByLabel('Collectivité', { exact: true })
          .locator('option', { hasText: /^Auch \(Commune/ })
        await page
          .getByLabel('Collectivité', { exact: true })
          .selectOption(await auchOption.getAttribute('value'))
        await page.getByRole('button', { name: 'Changer' }).click()
        await page.getByRole('heading', { name: /Tableau de bord · Auch/ }).waitFor()
      }
      for (const path of pages) await check(page, path, email, assert)
      await page.context().clearCookies()
    }
  })

  test('the switcher says « aucun résultat » when a search finds nothing', async ({
    visit,
    assert,
  }) => {
    await demo()
    const page = await signIn(visit, 'superadmin@example.test')
    await page.getByLabel('Rechercher une collectivité').fill('Zzzz introuvable')
    await page.getByRole('button', { name: 'Rechercher' }).click()
    const status = page.getByTestId('switcher-status')
    await status.getByText(/Aucun résultat/).waitFor()
    assert.equal(await status.innerText(), 'Aucun résultat pour « Zzzz introuvable »')
  })
})
