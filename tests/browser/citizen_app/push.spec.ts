import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import SaveAlert from '#info/actions/save_alert'
import PublishContent from '#info/actions/publish_content'
import type { StandInPushService } from '#tests/helpers/push_service'
import { auchWithContent, followAuch, seriousViolations } from './fixtures.js'
import { deliverToServiceWorker, pushDelivery, standInPushManager } from './push_browser.js'

test.group('Citizen app: push alerts in the browser', (group) => {
  let service: StandInPushService

  group.each.setup(async () => {
    await testUtils.db().truncate()
    const delivery = await pushDelivery()
    service = delivery.service
    return delivery.stop
  })

  test('the app subscribes; a published alert reaches the stand-in push service and the service worker shows it', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { auch } = await auchWithContent()
    const origin = `http://${env.get('HOST')}:${env.get('PORT')}`
    const browser = service.subscription()
    await browserContext.grantPermissions(['notifications'], { origin })
    await browserContext.addInitScript(standInPushManager(browser))

    const page = await visit('/app/communes')
    await followAuch(page)
    await page.goto('/app/alertes')
    await page.getByRole('button', { name: 'Recevoir les alertes' }).click()
    const status = page.getByTestId('push-status')
    await status.waitFor({ timeout: 30000 })
    assert.equal(await status.innerText(), 'Alertes activées pour 1 commune(s).')
    assert.deepEqual(await seriousViolations(page), [], 'alerts on')

    // The app handed the server's VAPID key to the PushManager, and the API keeps the browser.
    assert.deepEqual(await page.evaluate('window.__standInPush.applicationServerKeys'), [
      env.get('VAPID_PUBLIC_KEY'),
    ])
    const saved = await db
      .from('push_subscriptions as s')
      .join('push_subscription_collectivities as f', 'f.subscription_id', 's.id')
      .where('s.endpoint', browser.endpoint)
      .select('s.p256dh', 'f.collectivity_id')
    assert.deepEqual(saved, [{ p256dh: browser.keys.p256dh, collectivity_id: auch.id }])

    // The town hall publishes an alert: the worker sends it, encrypted and VAPID-signed.
    const alert = await new SaveAlert().handle(auch.id, {
      kind: 'water_cut',
      title: 'Coupure d’eau rue Gambetta',
      body: 'De 9 h à 12 h pour travaux.',
    })
    await new PublishContent().handle({
      type: 'alert',
      id: alert.id,
      expireAt: DateTime.now().plus({ hours: 4 }),
    })
    const [push] = await service.waitFor(1)
    assert.equal(push.subscriptionId, browser.id)
    assert.deepEqual(service.rejected, [])

    // The decrypted message, delivered to the app's service worker as the browser would.
    await deliverToServiceWorker(browserContext, page, origin, push)
    const shown = await page.waitForFunction(
      `navigator.serviceWorker.ready
        .then((registration) => registration.getNotifications())
        .then((notifications) => notifications.length
          ? notifications.map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: n.data && n.data.url }))
          : null)`,
      undefined,
      { timeout: 30000 }
    )
    const [notification] = (await shown.jsonValue()) as Array<Record<string, string>>
    assert.equal(notification.title, 'Coupure d’eau : Coupure d’eau rue Gambetta')
    assert.include(notification.body, 'De 9 h à 12 h')
    assert.equal(notification.tag, `alert-${alert.id}`)

    // Turned off: the API forgets this browser.
    await page.getByRole('button', { name: 'Ne plus recevoir les alertes' }).click()
    await status.filter({ hasText: 'Vous ne recevrez plus' }).waitFor()
    assert.lengthOf(await db.from('push_subscriptions').where('endpoint', browser.endpoint), 0)
  }).timeout(240_000)
})
