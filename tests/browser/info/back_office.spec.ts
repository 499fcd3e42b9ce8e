import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import News from '#info/models/news'
import Place from '#info/models/place'
import { makeAgent, makeCollectivity, switchOn } from '../../functional/tenancy/fixtures.js'
import { cspViolationsOf, signIn } from '#tests/helpers/browser'

/**
 * The info back-office in Chromium, against the real server (Vite dev middleware): tables are
 * truncated rather than wrapped in a transaction so that the server sees the rows. No map tile
 * URL is configured in tests: the point picker must work on its bare grid.
 */
test.group('Info back-office in a browser', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('an EPCI editor fixes a French validation error, publishes, and a commune’s feed shows it', async ({
    visit,
    client,
    assert,
  }) => {
    const departement = await makeCollectivity('departement', 'Gers navigateur')
    const epci = await makeCollectivity('epci', 'CC navigateur', { departementId: departement.id })
    const commune = await makeCollectivity('commune', 'Vic navigateur', {
      departementId: departement.id,
      epciId: epci.id,
    })
    await makeAgent('redaction@example.test', [[epci, 'editor']])

    const page = await signIn(visit, 'redaction@example.test')
    await page.goto('/info/news?edit=new')
    await page.getByRole('heading', { name: 'Nouveau : actualité' }).waitFor({ timeout: 30000 })

    // Empty title: the form comes back with the French message on the field.
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    const error = page.locator('#info-title-error')
    await error.waitFor()
    assert.match(await error.innerText(), /Le champ titre est obligatoire/)
    assert.equal(await page.getByLabel('Titre').getAttribute('aria-invalid'), 'true')

    await page.getByLabel('Titre').fill('Fermeture de la piscine intercommunale')
    await page.getByLabel('Chapô').fill('Travaux de vidange du 3 au 10 mars.')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await page.getByRole('heading', { name: /Modifier : actualité/ }).waitFor()
    await page.getByRole('button', { name: 'Publier maintenant' }).click()
    await page.getByText('Publié.', { exact: true }).waitFor()
    assert.include(await page.getByTestId('info-row').first().innerText(), 'Publié')

    const news = await News.findByOrFail({ collectivityId: epci.id })
    assert.equal(news.title, 'Fermeture de la piscine intercommunale')
    const feed = await client.get(`/api/v1/collectivities/${commune.code}/feed`)
    feed.assertStatus(200)
    assert.deepEqual(
      feed.body().data.map((item: any) => [item.title, item.origin, item.authority.code]),
      [['Fermeture de la piscine intercommunale', 'epci', epci.code]]
    )
    // The rich-text editor (Tiptap) and Inertia's progress bar ran under the CSP.
    assert.deepEqual(cspViolationsOf(page), [])
  })

  test('a place is placed on the map without tiles and saved with its position', async ({
    visit,
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Auch navigateur')
    await switchOn([commune], ['markets'])
    await makeAgent('lieux@example.test', [[commune, 'editor']])

    const page = await signIn(visit, 'lieux@example.test')
    await page.goto('/info/places?edit=new')
    await page.getByRole('heading', { name: 'Nouveau : lieu' }).waitFor({ timeout: 30000 })
    await page.getByText('Fond de carte non configuré (MAP_TILE_URL)').waitFor()

    await page.getByLabel('Nom').fill('Marché couvert')
    await page.getByLabel('Catégorie').selectOption('market')
    // A click on the bare grid sets the point and fills the coordinates.
    await page.getByRole('application', { name: /Carte/ }).click({ position: { x: 120, y: 90 } })
    const lat = Number(await page.getByLabel('Latitude').inputValue())
    const lng = Number(await page.getByLabel('Longitude').inputValue())
    assert.isTrue(lat > 40 && lat < 47, `latitude ${lat}`)
    assert.isTrue(lng > -3 && lng < 4, `longitude ${lng}`)

    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await page.getByRole('heading', { name: /Modifier : lieu/ }).waitFor()
    const place = await Place.findByOrFail({ collectivityId: commune.id })
    assert.equal(place.name, 'Marché couvert')
    assert.closeTo(place.lat!, lat, 1e-6)
    assert.closeTo(place.lng!, lng, 1e-6)
    // Vite's scripts and styles, Inertia and Leaflet all ran under the CSP, nothing blocked.
    assert.deepEqual(cspViolationsOf(page), [])
  })
})
