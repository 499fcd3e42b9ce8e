import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import Media from '#kernel/media/models/media'
import sharp from 'sharp'
import testUtils from '@adonisjs/core/services/test_utils'
import { ALLERGENS, ALERT_KINDS, CONTACT_THEMES, PLACE_CATEGORIES } from '#info/vocabulary'
import { citizenAppLink } from '#kernel/accounts/citizens/links'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { ensureCommune } from '#tests/helpers/citizens'

test.group('Citizen app: shell, manifest, service worker, vocabularies', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('every /app address, the mailed links included, is the app shell with its own bundle', async ({
    client,
    assert,
  }) => {
    for (const path of [
      '/app',
      '/app/agenda/32013/4',
      new URL(citizenAppLink('/app/verifier-email', 'jeton')).pathname,
      new URL(citizenAppLink('/app/nouveau-mot-de-passe', 'jeton')).pathname,
    ]) {
      const response = await client.get(path)
      response.assertStatus(200)
      assert.include(response.header('content-type'), 'text/html')
      assert.include(response.text(), 'resources/citizen/app.ts')
      assert.notInclude(response.text(), 'resources/app.ts"')
      assert.include(response.text(), 'rel="manifest" href="/app/manifest.webmanifest"')
      assert.equal(response.header('x-content-type-options'), 'nosniff')
      assert.equal(response.header('x-frame-options'), 'DENY')
      assert.notExists(response.header('set-cookie'), 'no session, no cookie')
    }
  })

  test('the service worker is served for the /app/ scope and never cached', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/app/sw.js')
    response.assertStatus(200)
    assert.include(response.header('content-type'), 'text/javascript')
    assert.equal(response.header('service-worker-allowed'), '/app/')
    assert.equal(response.header('cache-control'), 'no-cache')
    assert.include(response.text(), "addEventListener('push'")
  })

  test('the manifest carries the authority’s branding, and the default icons are real PNGs', async ({
    client,
    assert,
  }) => {
    const auch = await ensureCommune('32013', 'Auch')
    const publicId = randomUUID()
    // A logo as the media pipeline leaves it once ready (the manifest reads no file).
    const logo = await Media.create({
      publicId,
      collectivityId: auch.id,
      uploaderType: null,
      uploaderId: null,
      kind: 'image',
      state: 'ready',
      mime: 'image/png',
      bytes: 20_000,
      width: 640,
      height: 320,
      originalKey: `media/${publicId}/original`,
      variants: [
        {
          name: 'w320',
          key: `media/${publicId}/1/w320.png`,
          mime: 'image/png',
          width: 320,
          height: 160,
          bytes: 900,
        },
      ],
    })
    auch.branding = { colour: '#7c2d12', logoMediaId: logo.id }
    await auch.save()
    const plain = await client.get('/app/manifest.webmanifest')
    plain.assertStatus(200)
    assert.include(plain.header('content-type'), 'application/manifest+json')
    const manifest = JSON.parse(plain.text())
    assert.equal(manifest.scope, '/app/')
    assert.equal(manifest.start_url, '/app/')
    assert.equal(manifest.lang, 'fr')
    assert.equal(manifest.display, 'standalone')

    const brandedResponse = await client.get('/app/manifest.webmanifest?commune=32013')
    const branded = JSON.parse(brandedResponse.text())
    assert.equal(branded.name, 'Bastide — Auch')
    assert.equal(branded.theme_color, '#7c2d12')
    assert.match(branded.icons[0].src, new RegExp(`/media/${publicId}/1/w320\\.png$`))
    assert.equal(branded.icons[1].src, '/app/icons/192.png?colour=%237c2d12')

    for (const size of [192, 512]) {
      const icon = await client.get(`/app/icons/${size}.png?colour=%237c2d12`)
      icon.assertStatus(200)
      assert.equal(icon.header('content-type'), 'image/png')
      const metadata = await sharp(Buffer.from(icon.body() as any)).metadata()
      assert.equal(metadata.format, 'png')
      assert.equal(metadata.width, size)
    }
    const unknownSize = await client.get('/app/icons/77.png')
    unknownSize.assertStatus(404)
  })

  test('GET /api/v1/vocabularies: the French label of every code the modules use', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/v1/vocabularies')
    response.assertStatus(200)
    await assertMatchesOpenApi(response)
    assert.include(response.header('cache-control'), 'public')
    const vocabularies = response.body().data
    for (const [name, codes] of [
      ['allergens', ALLERGENS],
      ['alert_kinds', ALERT_KINDS],
      ['contact_themes', CONTACT_THEMES],
      ['place_categories', PLACE_CATEGORIES],
    ] as const) {
      assert.sameMembers(Object.keys(vocabularies[name]), [...codes], name)
    }
    assert.equal(vocabularies.allergens.oeufs, 'Œufs')
    assert.equal(vocabularies.alert_kinds.weather, 'Vigilance météo')
    assert.equal(vocabularies.dish_labels.label_rouge, 'Label Rouge')
    assert.equal(vocabularies.courses.entree, 'Entrée')
  })
})
