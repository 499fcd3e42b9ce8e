import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { makeAgent, makeCollectivity } from '../../functional/tenancy/fixtures.js'
import { assertAccessiblePage, cspViolationsOf, signIn } from '#tests/helpers/browser'
import { createCitizen } from '#tests/helpers/citizens'
import { citizenMedia, gersWithShapes, POINTS } from '#tests/fixtures/signalement/gers'
import SubmitReport from '#signalement/actions/submit_report'
import Report from '#signalement/models/report'
import MergeReport from '#signalement/actions/merge_report'
import HideReportPhoto from '#signalement/actions/hide_report_photo'
import Tenant from '#kernel/tenancy/tenant'

let gers: Awaited<ReturnType<typeof gersWithShapes>>

/** A citizen's report in Auch, with two photos and a video when asked. */
async function report(categoryCode: string, description: string, withMedia = false) {
  const citizen = await createCitizen()
  const media = withMedia
    ? [
        await citizenMedia(citizen.id, gers.auch.id),
        await citizenMedia(citizen.id, gers.auch.id),
        await citizenMedia(citizen.id, gers.auch.id, 'video'),
      ]
    : []
  return new SubmitReport().handle({
    categoryCode,
    description,
    ...POINTS.auch,
    mediaIds: media.map((item) => item.id),
    reporter: { citizenId: citizen.id },
  })
}

/**
 * The signalement back-office in Chromium against the real server: the Gers and its shapes are
 * written once for the group (committed, so that the server sees them) and truncated after it.
 * No map tile URL in tests: the queue's map runs on its bare grid.
 */
test.group('Signalement back-office in a browser', (group) => {
  group.setup(async () => {
    const truncate = await testUtils.db().truncate()
    gers = await gersWithShapes()
    return truncate
  })
  group.each.timeout(300_000)

  test('a moderator filters, opens a report, hides a photo, takes a step with a note, merges a duplicate', async ({
    visit,
    assert,
  }) => {
    const original = await report('voirie', 'Nid-de-poule rue Gambetta', true)
    const duplicate = await report('voirie', 'Trou dans la chaussée rue Gambetta')
    const light = await report('eclairage', 'Lampadaire éteint')
    await makeAgent('moderation.navigateur@example.test', [[gers.auch, 'moderator']])

    const page = await signIn(visit, 'moderation.navigateur@example.test')
    await page.getByRole('link', { name: 'Signalements' }).first().click()
    await page.getByRole('heading', { name: 'Signalements', exact: true }).waitFor()
    await page.getByLabel('Catégorie').selectOption('voirie')
    await page.getByRole('button', { name: 'Filtrer' }).click()
    await page.waitForURL(/category=voirie/)
    await page.locator(`tr[data-report="${light.id}"]`).waitFor({ state: 'detached' })
    assert.equal(await page.locator('tbody tr').count(), 2)

    await page.getByRole('link', { name: `n° ${original.id}`, exact: true }).click()
    await page.getByRole('heading', { name: `Signalement n° ${original.id} · Voirie` }).waitFor()
    assert.equal(await page.locator('video source').getAttribute('type'), 'video/mp4')

    // Hide the first photo: it stays on the page, marked, with its reason.
    await page.getByLabel('Motif pour masquer la photo 1').fill('Une plaque d’immatriculation')
    await page.getByRole('button', { name: 'Masquer la photo 1' }).click()
    await page.getByTestId('hidden-media').getByText('Une plaque d’immatriculation').waitFor()
    assert.equal(await page.getByRole('button', { name: /^Masquer la photo/ }).count(), 1)

    await page.getByLabel('Nouveau statut').selectOption('in_progress')
    await page.getByLabel('Message public').fill('Une équipe passe jeudi')
    await page.getByLabel('Note interne').first().fill('Prévoir du bitume à froid')
    await page.getByRole('button', { name: 'Enregistrer l’étape' }).click()
    await page.getByTestId('status').getByText('En cours').waitFor()
    const history = await page.getByTestId('history').innerText()
    assert.include(history, 'Note interne : Prévoir du bitume à froid')
    assert.include(history, 'Message public : Une équipe passe jeudi')

    // The duplicate: an empty number is refused in French on its field, then it merges.
    await page.goto(`/signalement/${duplicate.id}`)
    await page.getByRole('heading', { name: `Signalement n° ${duplicate.id} · Voirie` }).waitFor()
    await page.getByRole('button', { name: 'Regrouper comme doublon' }).click()
    await page.locator('#merge-into-error').waitFor()
    assert.equal(
      await page.locator('#merge-into-error').innerText(),
      'Le champ numéro du signalement d’origine est obligatoire'
    )
    assert.equal(
      await page.getByLabel('N° du signalement d’origine').getAttribute('aria-invalid'),
      'true'
    )
    await page.getByLabel('N° du signalement d’origine').fill(String(original.id))
    await page.getByRole('button', { name: 'Regrouper comme doublon' }).click()
    await page.getByRole('heading', { name: `Signalement n° ${original.id} · Voirie` }).waitFor()
    await page.getByText('Doublons regroupés ici').waitFor()
    const merged = await Report.findOrFail(duplicate.id)
    assert.equal(merged.mergedIntoId, original.id)
    assert.deepEqual(cspViolationsOf(page), [])
  })

  test('a moderator undoes a merge and shows a hidden photo again, with the buttons on the report’s page', async ({
    visit,
    assert,
  }) => {
    const original = await report('voirie', 'Ornière chemin du Moulin', true)
    const duplicate = await report('voirie', 'Ornière près du moulin', true)
    const moderator = await makeAgent('annulation.navigateur@example.test', [
      [gers.auch, 'moderator'],
    ])
    const tenant = new Tenant(moderator, gers.auch, 'moderator')
    const [firstPhoto] = await db
      .from('signalement_report_media')
      .where('report_id', duplicate.id)
      .orderBy('position')
      .select('media_id')
    await new HideReportPhoto().handle(tenant, {
      reportId: duplicate.id,
      mediaId: firstPhoto.media_id,
      reason: 'Un visage reconnaissable',
    })
    await new MergeReport().handle(tenant, { reportId: duplicate.id, intoId: original.id })

    const page = await signIn(visit, 'annulation.navigateur@example.test')
    // The page with both new buttons passes axe-core and 390 px.
    await assertAccessiblePage(page, `/signalement/${duplicate.id}`, 'merged duplicate', assert)
    await page.goto(`/signalement/${duplicate.id}`)
    await page.getByTestId('merged-into').waitFor()
    await page.getByRole('button', { name: 'Annuler le regroupement' }).click()
    await page.getByTestId('merged-into').waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Regrouper comme doublon' }).waitFor()
    await page.getByText('Regroupement annulé', { exact: true }).waitFor()
    assert.include(await page.getByTestId('status').innerText(), 'Déposé')
    const restored = await Report.findOrFail(duplicate.id)
    assert.isNull(restored.mergedIntoId)
    const onOriginal = await db
      .from('signalement_report_media')
      .where('report_id', original.id)
      .count('* as n')
      .first()
    assert.equal(Number(onOriginal.n), 3)

    await page.getByRole('button', { name: 'Rendre visible la photo 1' }).click()
    await page.getByTestId('hidden-media').waitFor({ state: 'detached' })
    await page.getByRole('button', { name: 'Masquer la photo 1' }).waitFor()
    await page.getByText('Média de nouveau visible', { exact: true }).waitFor()
    const visible = await db
      .from('signalement_report_media')
      .where({ report_id: duplicate.id, media_id: firstPhoto.media_id })
      .first()
    assert.isNull(visible.hidden_at)
    assert.deepEqual(cspViolationsOf(page), [])
  })

  test('the map places the queue; the list beside it opens each report’s bubble by keyboard', async ({
    visit,
    assert,
  }) => {
    await makeAgent('carte.navigateur@example.test', [[gers.auch, 'moderator']])
    const shown = await Report.query()
      .where('collectivityId', gers.auch.id)
      .whereNull('mergedIntoId')
    const page = await signIn(visit, 'carte.navigateur@example.test')
    await page.goto('/signalement/map')
    await page.getByRole('heading', { name: 'Carte des signalements' }).waitFor()
    await page.getByText('Fond de carte non configuré (MAP_TILE_URL)').waitFor()
    await page.locator('.leaflet-interactive').first().waitFor()
    assert.equal(await page.locator('.leaflet-interactive').count(), shown.length)

    const target = shown[0]
    const button = page.getByRole('button', { name: `Voir sur la carte le n° ${target.id}` })
    await button.focus()
    await page.keyboard.press('Enter')
    const bubble = page.locator('.leaflet-popup-content')
    await bubble.waitFor()
    assert.include(await bubble.innerText(), `n° ${target.id}`)
    await bubble.getByRole('link', { name: 'Ouvrir le signalement' }).click()
    await page.getByRole('heading', { name: new RegExp(`Signalement n° ${target.id}`) }).waitFor()
  })

  test('an admin reads the statistics, switches a category off, issues and revokes an Open311 key', async ({
    visit,
    assert,
  }) => {
    await makeAgent('admin.navigateur@example.test', [[gers.auch, 'admin']])
    const page = await signIn(visit, 'admin.navigateur@example.test')
    await page.goto('/signalement/statistics')
    await page.getByRole('heading', { name: 'Statistiques des signalements' }).waitFor()
    await page.getByTestId('chart').locator('canvas').waitFor()
    assert.include(await page.getByTestId('totals').innerText(), 'Voirie / nid-de-poule')

    await page.getByRole('link', { name: 'Catégories' }).click()
    await page.getByRole('heading', { name: 'Catégories de signalements' }).waitFor()
    const row = page.locator('tr[data-category="eclairage"]')
    await row.getByRole('checkbox').uncheck()
    await row.getByRole('button', { name: /Enregistrer/ }).click()
    await page.getByText('Catégorie enregistrée').waitFor()
    const setting = await db
      .from('signalement_categories')
      .where({ collectivity_id: gers.auch.id, code: 'eclairage' })
      .first()
    assert.isFalse(setting.enabled)

    await page.getByRole('link', { name: 'Clés Open311' }).click()
    await page.getByRole('heading', { name: 'Clés d’API Open311' }).waitFor()
    await page.getByLabel('Nom du client').fill('Appli du quartier')
    await page.getByRole('button', { name: 'Délivrer la clé' }).click()
    const issued = page.getByTestId('issued-key')
    await issued.waitFor()
    const key = await issued.locator('code').innerText()
    assert.match(key, /^[A-Za-z0-9_-]{32}$/)
    page.once('dialog', (dialog: { accept(): Promise<void> }) => dialog.accept())
    await page.getByRole('button', { name: 'Révoquer la clé Appli du quartier' }).click()
    await page.getByText(/Révoquée le/).waitFor()
    // The key in clear is gone once the page is reloaded.
    await page.reload()
    await page.getByRole('heading', { name: 'Clés d’API Open311' }).waitFor()
    assert.equal(await page.getByTestId('issued-key').count(), 0)
  })

  test('every signalement page passes axe-core and 390 px; the navigation shows them only while the feature is on', async ({
    visit,
    assert,
  }) => {
    const someReport = await Report.query().where('collectivityId', gers.auch.id).firstOrFail()
    await makeAgent('a11y.moderation@example.test', [[gers.auch, 'moderator']])
    await makeAgent('a11y.admin@example.test', [[gers.auch, 'admin']])
    await makeAgent('a11y.epci@example.test', [[gers.grandAuch, 'moderator']])
    const off = await makeCollectivity('commune', 'Sans signalements')
    await makeAgent('a11y.off@example.test', [[off, 'admin']])

    const handlerPages = [
      '/signalement',
      '/signalement/map',
      `/signalement/${someReport.id}`,
      '/signalement/statistics',
    ]
    const roles: Array<[string, string[]]> = [
      ['a11y.moderation@example.test', handlerPages],
      [
        'a11y.admin@example.test',
        [...handlerPages, '/signalement/categories', '/signalement/open311-keys'],
      ],
      ['a11y.epci@example.test', ['/signalement', '/signalement/map']],
    ]
    for (const [email, paths] of roles) {
      const page = await signIn(visit, email)
      assert.isAbove(await page.getByRole('link', { name: 'Signalements' }).count(), 0, email)
      for (const path of paths) await assertAccessiblePage(page, path, email, assert)
      await page.context().clearCookies()
    }
    const page = await signIn(visit, 'a11y.off@example.test')
    assert.equal(await page.getByRole('link', { name: 'Signalements' }).count(), 0)
  })
})
