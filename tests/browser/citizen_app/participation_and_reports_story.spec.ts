import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import env from '#start/env'
import Tenant from '#kernel/tenancy/tenant'
import { closeQueues, getQueue } from '#kernel/queue/queues'
import { startWorkers, stopWorkers } from '#kernel/queue/worker'
import PollAnswer from '#participation/models/poll_answer'
import Report from '#signalement/models/report'
import TransitionReport from '#signalement/actions/transition_report'
import { createCitizen, TEST_PASSWORD } from '#tests/helpers/citizens'
import { StandInPushService } from '#tests/helpers/push_service'
import { gersWithShapes, POINTS } from '#tests/fixtures/signalement/gers'
import * as mediaFixtures from '#tests/fixtures/media/generate'
import { enable, publishedPoll } from '../../functional/participation/fixtures.js'
import { makeAgent } from '../../functional/tenancy/fixtures.js'
import { auchWithContent, seriousViolations } from './fixtures.js'
import { deliverToServiceWorker, standInPushManager } from './push_browser.js'

/**
 * The resident's whole story in Chromium against the real server, the real API and the real
 * media pipeline and push delivery (BullMQ workers on the media and push queues, in this
 * process): choose a commune, read the feed, add an event to the calendar, answer a poll, turn
 * the alerts on, report a problem with a photo, and see the town hall's change of state arrive
 * in the open « Mes signalements » by Web Push (the local stand-in push service, then the
 * DevTools protocol to the real service worker, as in push.spec.ts), without a reload.
 */
test.group('Citizen app: a resident’s story, from the feed to a report’s new state', (group) => {
  let files: Awaited<ReturnType<typeof mediaFixtures.fixtureDir>>
  group.setup(async () => {
    files = await mediaFixtures.fixtureDir()
    await getQueue('media').obliterate({ force: true })
    await getQueue('push').obliterate({ force: true })
    return async () => {
      await files.remove()
      await closeQueues()
    }
  })
  group.each.setup(() => testUtils.db().truncate())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('feed, calendar, poll, report with a photo, its state change', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const gers = await gersWithShapes()
    const { event } = await auchWithContent()
    await enable([gers.auch], ['polls'])
    const { poll, optionIds } = await publishedPoll(gers.auch, {
      title: 'Quel nom pour la médiathèque ?',
    })
    const citizen = await createCitizen({
      homeCommuneId: gers.auch.id,
      email: 'camille@example.org',
    })
    const photo = await mediaFixtures.jpegWithGps(files.dir)
    const origin = `http://${env.get('HOST')}:${env.get('PORT')}`
    const pushService = await new StandInPushService().start()
    const browser = pushService.subscription()
    await browserContext.grantPermissions(['notifications'], { origin })
    await browserContext.addInitScript(standInPushManager(browser))
    const workers = await startWorkers({ queues: ['media', 'push'], concurrency: 1 })
    try {
      // Choose a commune, read the feed (the poll is in it).
      const page = await visit('/app/communes')
      await page.getByLabel('Nom de la commune ou code postal').fill('32000')
      await page.getByRole('button', { name: 'Rechercher' }).click()
      await page.getByRole('button', { name: 'Auch (32000)' }).click()
      await page
        .getByTestId('feed-item')
        .filter({ hasText: event.title })
        .waitFor({ timeout: 30000 })

      // Open the event; its calendar link answers text/calendar.
      await page.getByRole('link', { name: event.title }).click()
      await page.getByRole('heading', { name: event.title }).waitFor()
      const ics = await page
        .getByRole('link', { name: 'Ajouter à mon agenda' })
        .getAttribute('href')
      const calendar = await page.request.get(ics!)
      assert.equal(calendar.status(), 200)
      assert.match(calendar.headers()['content-type'], /^text\/calendar/)
      assert.include(await calendar.text(), event.title)

      // Answer the poll from the feed, signing in on the spot.
      await page.getByRole('link', { name: 'Fil', exact: true }).click()
      await page.getByRole('link', { name: poll.title }).click()
      await page.getByRole('heading', { name: poll.title }).waitFor()
      await page.getByLabel('Adresse e-mail').fill(citizen.email)
      await page.getByLabel('Mot de passe').fill(TEST_PASSWORD)
      await page.getByRole('button', { name: 'Se connecter' }).click()
      await page.getByLabel('Jean Jaurès').check()
      await page.getByRole('button', { name: 'Envoyer ma réponse' }).click()
      await page.getByText('Merci, votre réponse est enregistrée.').waitFor()
      const answer = await PollAnswer.findByOrFail({ pollId: poll.id, citizenId: citizen.id })
      assert.exists(answer)
      await page.getByText(/1 réponse/).waitFor()
      assert.deepEqual(await seriousViolations(page), [], 'poll answered')
      assert.isTrue(await page.getByLabel('Jean Jaurès').isChecked())
      assert.lengthOf(optionIds, 3)

      // Signed in, the resident turns the alerts on: this browser gets the account's news too.
      await page.goto('/app/alertes')
      await page.getByRole('button', { name: 'Recevoir les alertes' }).click()
      await page
        .getByTestId('push-status')
        .filter({ hasText: 'Alertes activées' })
        .waitFor({ timeout: 30000 })

      // Report a problem with a photo, the position typed in.
      await page.getByRole('link', { name: 'Signaler', exact: true }).click()
      await page.getByRole('heading', { name: 'Signaler un problème' }).waitFor()
      await page.getByLabel('Catégorie').selectOption('eclairage')
      await page.getByLabel('Description').fill('Le lampadaire devant l’école ne s’allume plus')
      await page.getByLabel('Latitude').fill(String(POINTS.auch.lat))
      await page.getByLabel('Longitude').fill(String(POINTS.auch.lng))
      await page.locator('#report-photos').setInputFiles(photo)
      await page.getByText(/Photo « photo\.jpg » : envoyée/).waitFor({ timeout: 30000 })
      assert.deepEqual(await seriousViolations(page), [], 'report form')
      await page.getByRole('button', { name: 'Envoyer le signalement' }).click()
      await page.getByRole('heading', { name: 'Mes signalements' }).waitFor({ timeout: 60000 })
      const mine = page.getByTestId('my-report')
      await mine.first().waitFor()
      assert.equal(await mine.first().getByTestId('report-status').innerText(), 'Déposé')
      await mine.first().getByRole('img', { name: 'Photo jointe au signalement' }).waitFor()
      assert.deepEqual(await seriousViolations(page), [], 'my reports')

      // The town hall takes it into account; the push reaches the open screen, which reads again.
      const report = await Report.findByOrFail({ citizenId: citizen.id })
      const agent = await makeAgent('moderation@example.test', [[gers.auch, 'moderator']])
      await new TransitionReport().handle(new Tenant(agent, gers.auch, 'moderator'), {
        reportId: report.id,
        to: 'acknowledged',
        publicMessage: 'Une équipe passe jeudi.',
      })
      const [push] = await pushService.waitFor(1)
      assert.equal(push.subscriptionId, browser.id)
      assert.deepEqual(push.payload.report, { id: report.id })
      assert.equal(await mine.first().getByTestId('report-status').innerText(), 'Déposé')
      await deliverToServiceWorker(browserContext, page, origin, push)
      await page
        .getByTestId('report-changed')
        .filter({ hasText: `Le signalement n° ${report.id} a changé d’état.` })
        .waitFor({ timeout: 30000 })
      assert.equal(await mine.first().getByTestId('report-status').innerText(), 'Pris en compte')
      assert.include(await mine.first().innerText(), 'Une équipe passe jeudi.')
      assert.include(await mine.first().innerText(), 'Pris en compte le')
      assert.deepEqual(await seriousViolations(page), [], 'state changed')

      // The notification opens the report's own screen, its history there.
      await page.goto(`/app/signalements/${report.id}`)
      await page.getByTestId('report-step').filter({ hasText: 'Une équipe passe jeudi.' }).waitFor()
    } finally {
      await stopWorkers(workers)
      await pushService.stop()
    }
  }).timeout(240_000)
})
