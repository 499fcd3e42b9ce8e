import { stat } from 'node:fs/promises'
import { test } from '@japa/runner'
import type { BrowserContext, Page } from 'playwright'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { closeQueues, getQueue } from '#kernel/queue/queues'
import { startWorkers, stopWorkers } from '#kernel/queue/worker'
import SubmitReport from '#signalement/actions/submit_report'
import Report from '#signalement/models/report'
import { citizenWithToken } from '#tests/helpers/citizens'
import { gersWithShapes, POINTS } from '#tests/fixtures/signalement/gers'
import * as mediaFixtures from '#tests/fixtures/media/generate'
import { assertFitsPhones, openSignedIn, seriousViolations } from './fixtures.js'

type Gers = Awaited<ReturnType<typeof gersWithShapes>>

/** The report screens, signed in with `token`. */
async function openAs(visit: any, token: string, path: string): Promise<Page> {
  const page = await openSignedIn(visit, token, path)
  await page
    .getByRole('heading', { name: /Signaler un problème|Mes signalements/ })
    .waitFor({ timeout: 30000 })
  return page
}

async function describe(page: Page, point: { lat: number; lng: number }) {
  await page.getByLabel('Catégorie').selectOption('voirie')
  await page.getByLabel('Description').fill('Un nid-de-poule profond devant la boulangerie')
  await page.getByLabel('Latitude').fill(String(point.lat))
  await page.getByLabel('Longitude').fill(String(point.lng))
}

/**
 * The report screens in Chromium against the real server, the Gers and its commune shapes
 * (written once, committed, for the group) and a media worker in this process.
 */
test.group('Citizen app: report screens in a browser', (group) => {
  let gers: Gers
  let files: Awaited<ReturnType<typeof mediaFixtures.fixtureDir>>
  let workers: Awaited<ReturnType<typeof startWorkers>>
  group.setup(async () => {
    const truncate = await testUtils.db().truncate()
    gers = await gersWithShapes()
    files = await mediaFixtures.fixtureDir()
    await getQueue('media').obliterate({ force: true })
    workers = await startWorkers({ queues: ['media'], concurrency: 1 })
    return async () => {
      await stopWorkers(workers)
      await closeQueues()
      await files.remove()
      await truncate()
    }
  })

  test('a report nearby is offered first: « Moi aussi » supports it instead of filing a duplicate', async ({
    visit,
    assert,
  }) => {
    const other = await citizenWithToken({ homeCommuneId: gers.condom.id })
    const existing = await new SubmitReport().handle({
      categoryCode: 'voirie',
      description: 'Nid-de-poule rue Jean-Jaurès',
      ...POINTS.condom,
      reporter: { citizenId: other.citizen.id },
    })
    await db
      .from('signalement_reports')
      .where('id', existing.id)
      .update({ moderation: 'published' })
    const { token } = await citizenWithToken({ homeCommuneId: gers.auch.id })
    const page = await openAs(visit, token, '/app/signaler')
    await describe(page, POINTS.condom)
    const nearby = page.getByTestId('nearby')
    await nearby.getByText('Nid-de-poule rue Jean-Jaurès', { exact: true }).waitFor()
    assert.deepEqual(await seriousViolations(page), [], 'nearby offered')
    await nearby.getByRole('button', { name: /Moi aussi/ }).click()
    await page.getByTestId('support-done').waitFor()
    const supports = await db
      .from('signalement_supports')
      .where('report_id', existing.id)
      .count('* as n')
    assert.equal(Number(supports[0].n), 1)
    assert.equal(
      await Report.query()
        .where('categoryCode', 'voirie')
        .count('* as n')
        .first()
        .then((row) => Number(row!.$extras.n)),
      1
    )
    // The draft is gone: the form is empty when opened again.
    await page.goto('/app/signaler')
    await page.getByLabel('Description').waitFor()
    assert.equal(await page.getByLabel('Description').inputValue(), '')
  }).timeout(120_000)

  test('refusals beside their field: no category, a point outside the Gers; a pin placed on the map without tiles; my position', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { token } = await citizenWithToken({ homeCommuneId: gers.auch.id })
    const page = await openAs(visit, token, '/app/signaler')
    await assertFitsPhones(page, assert, 'report form')

    await page.getByRole('button', { name: 'Envoyer le signalement' }).click()
    await page.locator('#report-category-error').waitFor()
    assert.isNotEmpty(await page.locator('#report-category-error').innerText())
    assert.equal(await page.getByLabel('Catégorie').getAttribute('aria-invalid'), 'true')

    await describe(page, POINTS.outside)
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click()
    await page.locator('#report-position-error').waitFor()
    assert.isNotEmpty(await page.locator('#report-position-error').innerText())
    assert.deepEqual(await seriousViolations(page), [], 'refusals shown')

    // A tap on the grid moves the pin and fills the fields.
    await page.getByTestId('report-map').click({ position: { x: 200, y: 150 } })
    await page.locator('.map path.leaflet-interactive').waitFor()
    assert.notEqual(await page.getByLabel('Latitude').inputValue(), String(POINTS.outside.lat))

    // « Utiliser ma position »: the phone's position fills the fields.
    await (browserContext as BrowserContext).grantPermissions(['geolocation'])
    await (browserContext as BrowserContext).setGeolocation({
      latitude: 43.6461,
      longitude: 0.5861,
    })
    await page.getByRole('button', { name: 'Utiliser ma position' }).click()
    await page.waitForFunction("document.querySelector('#report-lat').value === '43.6461'")
    assert.equal(await page.getByLabel('Longitude').inputValue(), '0.5861')
  }).timeout(120_000)

  test('an upload cut off is retried; the draft survives a reload and the network going away; then it is sent, and shows in my reports', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { citizen, token } = await citizenWithToken({ homeCommuneId: gers.auch.id })
    const photo = await mediaFixtures.jpegWithGps(files.dir, 'lampadaire.jpg')
    const page = await openAs(visit, token, '/app/signaler')
    await describe(page, POINTS.auch)

    // The first upload is cut off: the photo says so and offers a retry.
    let cut = false
    await page.route('**/api/v1/media', (route) => {
      if (cut) return route.continue()
      cut = true
      return route.abort('connectionreset')
    })
    await page.locator('#report-photos').setInputFiles(photo)
    const media = page.getByTestId('draft-media')
    await media.getByText(/échec/).waitFor()
    await media.getByRole('alert').waitFor()
    assert.deepEqual(await seriousViolations(page), [], 'failed upload')

    // A reload keeps the fields and the photo (kept on the device), still to be sent.
    await page.reload()
    await page.getByLabel('Description').waitFor({ timeout: 30000 })
    assert.equal(
      await page.getByLabel('Description').inputValue(),
      'Un nid-de-poule profond devant la boulangerie'
    )
    await media.getByRole('button', { name: /Réessayer/ }).click()
    await media.getByText(/envoyée/).waitFor({ timeout: 30000 })

    // Offline: the report is refused by the network, not lost.
    await (browserContext as BrowserContext).setOffline(true)
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click()
    await page.getByText(/Votre signalement reste sur cet appareil/).waitFor()
    await (browserContext as BrowserContext).setOffline(false)
    assert.equal(
      await Report.query()
        .where('citizenId', citizen.id)
        .count('* as n')
        .first()
        .then((row) => Number(row!.$extras.n)),
      0
    )

    await page.getByRole('button', { name: 'Envoyer le signalement' }).click()
    await page.getByRole('heading', { name: 'Mes signalements' }).waitFor({ timeout: 60000 })
    const mine = page.getByTestId('my-report')
    await mine
      .first()
      .getByRole('img', { name: 'Photo jointe au signalement' })
      .waitFor({ timeout: 30000 })
    assert.include(await mine.first().innerText(), 'Un nid-de-poule profond devant la boulangerie')
    assert.include(await mine.first().innerText(), 'en attente de modération')
    await assertFitsPhones(page, assert, 'my reports')
    const report = await Report.findByOrFail({ citizenId: citizen.id })
    const attached = await db.from('signalement_report_media').where('report_id', report.id)
    assert.lengthOf(attached, 1)
  }).timeout(180_000)

  test('a real video is uploaded with its progress; the report waits for the worker, then is sent', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { citizen, token } = await citizenWithToken({ homeCommuneId: gers.auch.id })
    const clip = await mediaFixtures.video(files.dir, { seconds: 3, name: 'nid-de-poule.mp4' })
    const page = await openAs(visit, token, '/app/signaler')
    await describe(page, POINTS.auch)

    // The worker holds off, so that the screen is seen waiting for the processing.
    await Promise.all(workers.map((worker) => worker.pause()))
    const reportPosts: string[] = []
    const mediaReads: string[] = []
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname
      if (request.method() === 'POST' && path === '/api/v1/reports') reportPosts.push(path)
      if (request.method() === 'GET' && path.startsWith('/api/v1/me/media/')) mediaReads.push(path)
    })

    // A phone's slow uplink (the clip in about three seconds), so that the bar moves.
    const cdp = await (browserContext as BrowserContext).newCDPSession(page)
    await cdp.send('Network.enable')
    const { size: bytes } = await stat(clip)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: Math.ceil(bytes / 3),
    })
    await page.evaluate(`(() => {
      window.__progressSeen = [];
      const timer = setInterval(() => {
        const bar = document.querySelector('[data-testid="draft-media"] progress');
        if (bar) window.__progressSeen.push(Number(bar.value));
      }, 50);
      window.__stopProgress = () => clearInterval(timer);
    })()`)
    await page.locator('#report-video').setInputFiles(clip)
    const media = page.getByTestId('draft-media')
    await media.getByText('Vidéo « nid-de-poule.mp4 » : envoyée').waitFor({ timeout: 60000 })
    const seen = (await page.evaluate(
      'window.__stopProgress() || window.__progressSeen'
    )) as number[]
    assert.isTrue(
      seen.some((value) => value > 0 && value < 100),
      `the bar moved between 0 and 100 %: ${seen.join(',')}`
    )
    assert.equal(seen.at(-1), 100)
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    })

    // Sent while the video is still being processed: the screen waits, the API is not pestered.
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click()
    await page.getByRole('status').filter({ hasText: 'Traitement de la vidéo…' }).waitFor()
    assert.deepEqual(await seriousViolations(page), [], 'waiting for the video')
    await page.waitForTimeout(2000)
    assert.deepEqual(reportPosts, [])
    assert.isAtLeast(mediaReads.length, 2)
    const uploaded = await db.from('media').where('uploader_id', citizen.id).first()
    assert.include(['pending', 'processing'], uploaded.state)

    // The real worker transcodes it; the report goes once, with the video.
    await Promise.all(workers.map((worker) => worker.resume()))
    await page.getByRole('heading', { name: 'Mes signalements' }).waitFor({ timeout: 120000 })
    assert.lengthOf(reportPosts, 1)
    const report = await Report.findByOrFail({ citizenId: citizen.id })
    const attached = await db
      .from('signalement_report_media as l')
      .join('media as m', 'm.id', 'l.media_id')
      .where('l.report_id', report.id)
      .select('m.id', 'm.kind', 'm.state')
    assert.deepEqual(attached, [{ id: uploaded.id, kind: 'video', state: 'ready' }])
    assert.include(
      await page.getByTestId('my-report').first().innerText(),
      'Un nid-de-poule profond'
    )
  }).timeout(240_000)
})
