import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import env from '#start/env'
import Tenant from '#kernel/tenancy/tenant'
import SubmitReport from '#signalement/actions/submit_report'
import TransitionReport from '#signalement/actions/transition_report'
import { citizenWithToken } from '#tests/helpers/citizens'
import type { StandInPushService } from '#tests/helpers/push_service'
import { gersWithShapes, POINTS } from '#tests/fixtures/signalement/gers'
import { makeAgent } from '../../functional/tenancy/fixtures.js'
import { openSignedIn, seriousViolations } from './fixtures.js'
import { deliverToServiceWorker, pushDelivery, standInPushManager } from './push_browser.js'

/**
 * /app/signalements/:id, the screen a report's notification opens: the resident's own report
 * with the steps the town hall announced, and the next one arriving live by Web Push (the local
 * stand-in push service, then the DevTools protocol to the real service worker).
 */
test.group('Citizen app: one of my reports, live', (group) => {
  let service: StandInPushService

  group.each.setup(async () => {
    await testUtils.db().truncate()
    const delivery = await pushDelivery()
    service = delivery.service
    mail.fake()
    return async () => {
      mail.restore()
      await delivery.stop()
    }
  })

  test('the detail screen shows the history, then the new state without a reload', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const gers = await gersWithShapes()
    const { citizen, token } = await citizenWithToken({ homeCommuneId: gers.auch.id })
    const report = await new SubmitReport().handle({
      categoryCode: 'eclairage',
      description: 'Le lampadaire devant l’école ne s’allume plus',
      ...POINTS.auch,
      reporter: { citizenId: citizen.id },
    })
    // The resident's browser is subscribed to their account's news before the first step.
    const origin = `http://${env.get('HOST')}:${env.get('PORT')}`
    const browser = service.subscription()
    const subscribed = await fetch(`${origin}/api/v1/push/subscriptions`, {
      method: 'POST',
      headers: { 'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        subscription: { endpoint: browser.endpoint, keys: browser.keys },
        communes: ['32013'],
      }),
    })
    assert.equal(subscribed.status, 201)
    await browserContext.grantPermissions(['notifications'], { origin })
    await browserContext.addInitScript(standInPushManager(browser))

    const tenant = new Tenant(
      await makeAgent('eclairage@example.test', [[gers.auch, 'moderator']]),
      gers.auch,
      'moderator'
    )
    await new TransitionReport().handle(tenant, {
      reportId: report.id,
      to: 'acknowledged',
      publicMessage: 'Une équipe passe jeudi.',
      internalNote: 'Ampoule au dépôt nord',
    })
    await service.waitFor(1)

    // « Mes signalements » links to the detail screen.
    const page = await openSignedIn(visit, token, '/app/mes-signalements')
    await page.getByRole('link', { name: new RegExp(`signalement n° ${report.id}`) }).click()
    await page
      .getByRole('heading', { level: 1, name: `Signalement n° ${report.id} : Éclairage public` })
      .waitFor({ timeout: 30000 })
    assert.equal(new URL(page.url()).pathname, `/app/signalements/${report.id}`)
    const steps = page.getByTestId('report-step')
    await steps.nth(1).waitFor()
    assert.match(await steps.nth(0).innerText(), /^Déposé, le /)
    assert.match(
      await steps.nth(1).innerText(),
      /^Pris en compte, le .*\nUne équipe passe jeudi\./s
    )
    assert.notInclude(await page.getByTestId('report-detail').innerText(), 'Ampoule')
    assert.equal(await page.getByTestId('report-status').innerText(), 'Pris en compte')
    assert.deepEqual(await seriousViolations(page), [], 'report detail')

    // The town hall resolves it; the push reaches the open screen, which reads it again.
    await new TransitionReport().handle(tenant, {
      reportId: report.id,
      to: 'resolved',
      publicMessage: 'Lampadaire réparé.',
    })
    const [, push] = await service.waitFor(2)
    assert.deepEqual(push.payload.report, { id: report.id })
    assert.equal(await page.getByTestId('report-status').innerText(), 'Pris en compte')
    await deliverToServiceWorker(browserContext, page, origin, push)
    await page
      .getByTestId('report-changed')
      .filter({ hasText: 'Ce signalement vient de changer d’état.' })
      .waitFor({ timeout: 30000 })
    assert.equal(await page.getByTestId('report-status').innerText(), 'Résolu')
    await steps.nth(2).waitFor()
    assert.match(await steps.nth(2).innerText(), /^Résolu, le .*\nLampadaire réparé\./s)
    assert.deepEqual(await seriousViolations(page), [], 'state changed')

    // Someone else's number: the refusal, in French.
    await page.goto(`/app/signalements/${report.id + 1000}`)
    await page.getByRole('alert').filter({ hasText: 'Signalement introuvable' }).waitFor()
  }).timeout(180_000)
})
