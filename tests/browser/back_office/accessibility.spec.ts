import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import SaveCanteen from '#info/actions/save_canteen'
import SaveNews from '#info/actions/save_news'
import SetFeatures from '#kernel/modules/actions/set_features'
import { DateTime } from 'luxon'
import SavePoll from '#participation/actions/save_poll'
import SaveConsultation from '#participation/actions/save_consultation'
import SaveBudgetCampaign from '#participation/actions/budgets/save_budget_campaign'
import Report from '#signalement/models/report'
import { makeAgent, makeCollectivity } from '../../functional/tenancy/fixtures.js'
import { assertAccessiblePage, signIn } from '#tests/helpers/browser'

/**
 * Issue 10, items 8 and 9: every back-office page (shell, info, participation, signalement), as
 * each demo role (super-admin, département admin, commune admin, editor and moderator, EPCI
 * editor) sees it, has no serious or critical axe-core
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
      await new SetFeatures().handle(authority, {
        enable: ['canteens', 'markets', 'polls', 'consultations', 'budgets', 'reports'],
      })
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
    const window = {
      opensAt: DateTime.now().plus({ days: 1 }),
      closesAt: DateTime.now().plus({ days: 8 }),
      audience: 'residents' as const,
      resultsVisibility: 'live' as const,
    }
    const poll = await new SavePoll().handle(auch.id, {
      title: 'Horaires de la piscine municipale pendant les vacances d’été',
      selection: 'single',
      allowChange: true,
      options: ['Le matin', 'Le soir'],
      ...window,
    })
    const consultation = await new SaveConsultation().handle(auch.id, {
      title: 'Avenir de la gare',
      questions: [{ kind: 'text', label: 'Une idée pour la gare ?', required: false }],
      ...window,
    })
    const now = DateTime.now()
    const budget = await new SaveBudgetCampaign().handle(auch.id, {
      title: 'Budget participatif 2031',
      totalAmount: 10_000,
      ballotRule: 'approval',
      maxProjects: 2,
      allocationRule: 'greedy',
      proposalsOpensAt: now.plus({ days: 1 }),
      proposalsClosesAt: now.plus({ days: 2 }),
      voteOpensAt: now.plus({ days: 3 }),
      voteClosesAt: now.plus({ days: 4 }),
    })
    await Report.create({
      collectivityId: auch.id,
      communeId: auch.id,
      categoryCode: 'voirie',
      description: 'Nid-de-poule devant la halle aux grains, rue de la République, très profond',
      lat: 43.646,
      lng: 0.586,
      source: 'app',
      anonymous: false,
      status: 'submitted',
      moderation: 'pending',
      flagsCount: 0,
      supportsCount: 0,
      overdue: false,
    })
    await makeAgent('superadmin@example.test', [], { isSuperAdmin: true })
    await makeAgent('admin.gers@example.test', [[departement, 'admin']])
    await makeAgent('admin.auch@example.test', [[auch, 'admin']])
    await makeAgent('redaction.auch@example.test', [[auch, 'editor']])
    await makeAgent('moderation.auch@example.test', [[auch, 'moderator']])
    await makeAgent('redaction.grand-auch@example.test', [[epci, 'editor']])
    return { canteen, news, poll, consultation, budget }
  }

  type Ids = Record<'canteen' | 'news' | 'poll' | 'consultation' | 'budget', number>
  const CONTENT_PAGES = (ids: Ids) => [
    '/',
    '/info/news',
    '/info/news?edit=new',
    `/info/news?edit=${ids.news}`,
    '/info/events?edit=new',
    '/info/places?edit=new',
    '/info/contacts?edit=new',
    '/info/canteens',
    `/info/canteens?edit=${ids.canteen}&menu=new`,
    '/participation/polls',
    '/participation/polls?edit=new',
    `/participation/polls?edit=${ids.poll}`,
    `/participation/polls/${ids.poll}/results`,
    '/participation/consultations?edit=new',
    `/participation/consultations?edit=${ids.consultation}`,
    `/participation/consultations/${ids.consultation}/results`,
    '/participation/budgets?edit=new',
    `/participation/budgets/${ids.budget}`,
    `/participation/budgets/${ids.budget}/results`,
  ]
  /** Admins and moderators handle reports. */
  const HANDLER_PAGES = ['/signalement']
  const ADMIN_PAGES = ['/agents', '/settings', '/audit']

  const check = assertAccessiblePage

  const ROLES: Array<[string, (ids: Ids) => string[]]> = [
    [
      'superadmin@example.test',
      (ids) => [...CONTENT_PAGES(ids), ...HANDLER_PAGES, ...ADMIN_PAGES, '/jobs/failed'],
    ],
    ['admin.gers@example.test', () => ['/', '/info/news?edit=new', '/info/places', ...ADMIN_PAGES]],
    ['admin.auch@example.test', (ids) => [...CONTENT_PAGES(ids), ...HANDLER_PAGES, ...ADMIN_PAGES]],
    ['redaction.auch@example.test', (ids) => CONTENT_PAGES(ids)],
    ['moderation.auch@example.test', () => ['/', ...HANDLER_PAGES]],
    [
      'redaction.grand-auch@example.test',
      () => [
        '/',
        '/info/news?edit=new',
        '/info/events',
        '/info/places?edit=new',
        '/info/contacts',
        '/participation/polls?edit=new',
        '/participation/consultations',
        '/participation/budgets',
      ],
    ],
  ]

  test('the signed-out pages', async ({ visit, assert }) => {
    const guest = await visit('/login')
    await check(guest, '/login', 'visiteur', assert)
    await check(guest, '/password/forgot', 'visiteur', assert)
  })

  // One test per role: each has its own time budget.
  for (const [email, pagesOf] of ROLES) {
    test(`every page ${email} sees`, async ({ visit, assert }) => {
      const demoIds = await demo()
      const ids = Object.fromEntries(
        Object.entries(demoIds).map(([key, item]) => [key, item.id])
      ) as Ids
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
      for (const path of pagesOf(ids)) await check(page, path, email, assert)
    })
  }

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
