import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import OnboardCommune from '#kernel/territories/actions/onboard_commune'
import ImportBoundaries from '#kernel/territories/actions/import_boundaries'
import { COMMUNES_FILE, POINTS } from '#tests/fixtures/signalement/gers'
import { seriousViolations } from './fixtures.js'

/**
 * "Autour de moi" in the commune chooser, in Chromium with its geolocation overridden (granted
 * at a point in Auch; then refused). Rows are truncated so that the server sees them.
 */
test.group('Citizen app: near me', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('the phone’s position finds the commune it stands in; refused, it says what to do', async ({
    visit,
    browserContext,
    assert,
  }) => {
    await new OnboardCommune().handle({ insee: '32013' })
    await new ImportBoundaries().handle({ path: COMMUNES_FILE, level: 'commune' })
    const origin = `http://${env.get('HOST')}:${env.get('PORT')}`
    await browserContext.grantPermissions(['geolocation'], { origin })
    await browserContext.setGeolocation({ latitude: POINTS.auch.lat, longitude: POINTS.auch.lng })

    const page = await visit('/app/communes')
    await page.getByRole('button', { name: 'Autour de moi' }).click()
    const auch = page.getByRole('button', { name: 'Auch (32000)' })
    await auch.waitFor({ timeout: 30000 })
    assert.include(await page.getByRole('list', { name: 'Résultats' }).innerText(), 'Vous êtes ici')
    assert.deepEqual(await seriousViolations(page), [], 'near me results')
    await auch.click()
    await page.getByRole('heading', { name: 'Fil d’actualité' }).waitFor()
    assert.equal(await page.locator('.commune-name').innerText(), 'Auch')

    await browserContext.clearPermissions()
    await page.goto('/app/communes')
    await page.getByRole('button', { name: 'Autour de moi' }).click()
    const refused = page.getByTestId('location-error')
    await refused.waitFor({ timeout: 30000 })
    assert.include(await refused.innerText(), 'cherchez votre commune par son nom')
    assert.deepEqual(await seriousViolations(page), [], 'near me refused')
  }).timeout(180_000)
})
