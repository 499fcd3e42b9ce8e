import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { AxeBuilder } from '@axe-core/playwright'
import sharp from 'sharp'
import env from '#start/env'
import { makeAgent, makeCollectivity, switchOn } from '../../functional/tenancy/fixtures.js'
import { signIn } from '#tests/helpers/browser'

/**
 * Issue 10, item 7: with MAP_TILE_URL empty, maps show OpenStreetMap's tiles and their
 * attribution (the tests elsewhere run with `none`, the bare grid). The tile server is answered
 * by the test itself: nothing leaves the machine.
 */
test.group('Back-office maps: OpenStreetMap background by default', (group) => {
  group.each.setup(async () => {
    await testUtils.db().truncate()
    const saved = env.get('MAP_TILE_URL')
    env.set('MAP_TILE_URL', '')
    return () => env.set('MAP_TILE_URL', saved ?? '')
  })

  test('tiles and attribution shown; the keyboard way is said on the page', async ({
    visit,
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Condom navigateur')
    await switchOn([commune], ['markets'])
    await makeAgent('carte@example.test', [[commune, 'editor']])
    const page = await signIn(visit, 'carte@example.test')
    const tile = await sharp({
      create: { width: 256, height: 256, channels: 3, background: '#e5e7eb' },
    })
      .png()
      .toBuffer()
    const asked: string[] = []
    await page.route('https://tile.openstreetmap.org/**', (route: any) => {
      asked.push(route.request().url())
      return route.fulfill({ status: 200, contentType: 'image/png', body: tile })
    })
    await page.goto('/info/places?edit=new')
    await page.getByRole('heading', { name: 'Nouveau : lieu' }).waitFor()
    const map = page.getByRole('application', { name: /Carte/ })
    await map.locator('img.leaflet-tile-loaded').first().waitFor()
    assert.isAbove(asked.length, 0)
    assert.match(asked[0], /^https:\/\/tile\.openstreetmap\.org\/\d+\/\d+\/\d+\.png$/)
    const attribution = page.getByRole('link', { name: 'les contributeurs d’OpenStreetMap' })
    assert.equal(await attribution.getAttribute('href'), 'https://www.openstreetmap.org/copyright')
    assert.equal(await page.getByText('Fond de carte non configuré').count(), 0)
    await page.getByText(/Au clavier : déplacez la carte avec les flèches/).waitFor()

    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze()
    assert.deepEqual(
      results.violations
        .filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''))
        .map((violation) => violation.id),
      []
    )
  })
})
