import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import News from '#info/models/news'
import SaveNews from '#info/actions/save_news'
import SaveCanteen from '#info/actions/save_canteen'
import SetFeatures from '#kernel/modules/actions/set_features'
import { makeAgent, makeCollectivity } from '../../functional/tenancy/fixtures.js'
import { focusedId, signIn } from '#tests/helpers/browser'

/**
 * Issue 10, item 1: a refused submission comes back to the same item with the agent's input, a
 * French message next to the field and the focus on it; « Nouveau » focuses the form.
 */
test.group('Back-office: errors keep the form', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('a refused save of an existing item keeps the item, the input and the focus', async ({
    visit,
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Lectoure navigateur')
    await makeAgent('secretaire@example.test', [[commune, 'editor']])
    const news = await new SaveNews().handle(commune.id, {
      title: 'Conseil municipal',
      summary: 'Ordre du jour',
    })

    const page = await signIn(visit, 'secretaire@example.test')
    await page.goto(`/info/news?edit=${news.id}`)
    await page.getByRole('heading', { name: /Modifier : actualité/ }).waitFor()
    await page.getByLabel('Titre').fill('')
    await page.getByLabel('Chapô').fill('Ordre du jour modifié par la secrétaire')
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()

    await page.locator('#info-title-error').waitFor()
    assert.match(
      await page.locator('#info-title-error').innerText(),
      /Le champ titre est obligatoire/
    )
    assert.include(page.url(), `edit=${news.id}`)
    await page.getByRole('heading', { name: /Modifier : actualité/ }).waitFor()
    assert.equal(
      await page.getByLabel('Chapô').inputValue(),
      'Ordre du jour modifié par la secrétaire'
    )
    assert.equal(await focusedId(page), 'info-title')
    await news.refresh()
    assert.equal(news.summary, 'Ordre du jour')

    // A publication date in the past: refused next to its field, still on the same item.
    await page.getByLabel('Publier le (heure de Paris)').fill('2020-01-01T10:00')
    await page.getByRole('button', { name: 'Programmer' }).click()
    await page.locator('#info-publishAt-error').waitFor()
    assert.match(await page.locator('#info-publishAt-error').innerText(), /dans le futur/)
    assert.include(page.url(), `edit=${news.id}`)
    assert.equal(
      await page.getByLabel('Chapô').inputValue(),
      'Ordre du jour modifié par la secrétaire'
    )
    assert.equal(await focusedId(page), 'info-publishAt')

    // « Nouveau » opens an empty form with the focus in it.
    await page.getByRole('link', { name: 'Nouveau : actualité' }).click()
    await page.getByRole('heading', { name: 'Nouveau : actualité' }).waitFor()
    assert.equal(await page.getByLabel('Titre').inputValue(), '')
    assert.equal(await focusedId(page), 'info-title')
    assert.equal(
      await News.query()
        .count('* as total')
        .first()
        .then((row: any) => Number(row.$extras.total)),
      1
    )
  })

  test('an empty canteen menu and a failed import come back to the same canteen', async ({
    visit,
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Fleurance navigateur')
    await new SetFeatures().handle(commune, { enable: ['canteens'] })
    await makeAgent('cantine@example.test', [[commune, 'editor']])
    const canteen = await new SaveCanteen().handle(commune.id, {
      name: 'École du Bourg',
      type: 'elementaire',
    })

    const page = await signIn(visit, 'cantine@example.test')
    await page.goto(`/info/canteens?edit=${canteen.id}&menu=new`)
    await page.getByRole('heading', { name: 'Nouveau menu' }).waitFor()
    await page.getByLabel('Jour').fill('2030-03-04')
    await page.getByLabel('Nom du plat').fill('')
    await page.getByRole('button', { name: 'Enregistrer le menu' }).click()
    await page.locator('#dish-0-name-error').waitFor()
    assert.include(page.url(), `edit=${canteen.id}`)
    assert.equal(await page.getByLabel('Jour').inputValue(), '2030-03-04')
    assert.equal(await page.getByLabel('Nom', { exact: true }).inputValue(), 'École du Bourg')
    assert.equal(await focusedId(page), 'dish-0-name')

    // An import of a file that is not a CSV of menus: refused, the canteen stays open.
    await page.getByLabel('Fichier').setInputFiles({
      name: 'menus.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ binary'),
    })
    await page.getByRole('button', { name: 'Importer' }).click()
    await page.locator('#info-import-file-error').waitFor()
    assert.include(page.url(), `edit=${canteen.id}`)
    await page.getByRole('heading', { name: /Modifier : cantine/ }).waitFor()
  })
})
