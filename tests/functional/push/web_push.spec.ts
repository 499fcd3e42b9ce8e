import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import type { Worker } from 'bullmq'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import { getQueue } from '#kernel/queue/queues'
import { startWorkers, stopWorkers } from '#kernel/queue/worker'
import Collectivity, { type CollectivityKind } from '#kernel/territories/models/collectivity'
import PushToCitizen from '#kernel/push/actions/push_to_citizen'
import SaveAlert from '#info/actions/save_alert'
import PublishContent from '#info/actions/publish_content'
import ScheduleContent from '#info/actions/schedule_content'
import RefreshPublicationStates from '#info/actions/refresh_publication_states'
import PushDueAlerts from '#info/actions/push_due_alerts'
import { StandInPushService, type FakeSubscription } from '#tests/helpers/push_service'
import type { ApiClient } from '@japa/api-client'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { citizenWithToken } from '#tests/helpers/citizens'

async function authority(kind: CollectivityKind, code: string, links: Partial<Collectivity> = {}) {
  return Collectivity.create({
    kind,
    code,
    name: `${kind} ${code}`,
    slug: `${kind}-${code}`,
    searchName: `${kind} ${code}`,
    population: 1000,
    postalCodes: [],
    departementId: null,
    epciId: null,
    status: 'onboarded',
    branding: {},
    modules: {},
    ...links,
  })
}

/** A département with an EPCI of two communes, and a commune of another département. */
async function territory() {
  const gers = await authority('departement', '32')
  const epci = await authority('epci', '200066926', { departementId: gers.id })
  const auch = await authority('commune', '32013', { departementId: gers.id, epciId: epci.id })
  const pavie = await authority('commune', '32307', { departementId: gers.id, epciId: epci.id })
  const landes = await authority('departement', '40')
  const dax = await authority('commune', '40088', { departementId: landes.id })
  return { gers, epci, auch, pavie, dax }
}

async function subscribe(client: ApiClient, browser: FakeSubscription, communes: string[]) {
  const response = await client
    .post('/api/v1/push/subscriptions')
    .json({ subscription: { endpoint: browser.endpoint, keys: browser.keys }, communes })
  response.assertStatus(201)
  return response
}

/**
 * Web Push end to end, against a local stand-in push service (tests/helpers/push_service.ts):
 * the API records subscriptions, publishing an alert queues a message, a real BullMQ worker
 * sends it with web-push, and the stand-in checks the VAPID signature and decrypts the
 * aes128gcm payload with the subscription's private key. Rows are truncated, not wrapped in a
 * transaction, so that the worker sees them.
 */
test.group('Web Push', (group) => {
  let service: StandInPushService
  let workers: Worker[] = []

  group.each.setup(async () => {
    const truncate = await testUtils.db().truncate()
    await getQueue('push').obliterate({ force: true })
    service = await new StandInPushService().start()
    workers = await startWorkers({ queues: ['push'], concurrency: 2 })
    await Promise.all(workers.map((worker) => worker.waitUntilReady()))
    return async () => {
      await stopWorkers(workers, true)
      await service.stop()
      await truncate()
    }
  })

  test('an EPCI’s alert reaches, encrypted and signed, the browsers following its communes only', async ({
    client,
    assert,
  }) => {
    const { epci, auch, dax } = await territory()
    const inAuch = service.subscription()
    const inDax = service.subscription()
    for (const [subscription, code] of [
      [inAuch, auch.code],
      [inDax, dax.code],
    ] as const) {
      const response = await client.post('/api/v1/push/subscriptions').json({
        subscription: { endpoint: subscription.endpoint, keys: subscription.keys },
        communes: [code],
      })
      response.assertStatus(201)
      await assertMatchesOpenApi(response)
      assert.deepEqual(response.body().data, { communes: [code], signed_in: false })
    }

    const alert = await new SaveAlert().handle(epci.id, {
      kind: 'road_closed',
      title: 'RN 124 fermée à Auch',
      body: 'Déviation par la rocade jusqu’à 18 h.',
    })
    await new PublishContent().handle({
      type: 'alert',
      id: alert.id,
      expireAt: DateTime.now().plus({ hours: 3 }),
    })

    const [push] = await service.waitFor(1)
    assert.equal(push.subscriptionId, inAuch.id)
    assert.deepEqual(push.payload.alert, {
      id: alert.id,
      kind: 'road_closed',
      title: 'RN 124 fermée à Auch',
    })
    assert.equal(push.payload.title, 'Route fermée : RN 124 fermée à Auch')
    assert.include(push.payload.body, 'Déviation par la rocade')
    assert.equal(push.payload.tag, `alert-${alert.id}`)
    assert.equal(push.vapid.publicKey, env.get('VAPID_PUBLIC_KEY'))
    assert.equal(push.vapid.subject, env.get('VAPID_SUBJECT'))
    assert.isAbove(Number(push.headers.ttl), 3 * 3600 - 120)
    assert.deepEqual(service.rejected, [])

    // Published again (or by a second scheduler run), it is not pushed twice.
    assert.deepEqual(await new PushDueAlerts().handle(), [])
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.lengthOf(service.received, 1)

    // The feed of Auch starts with the alert, tagged with its kind and its end.
    const feed = await client.get(`/api/v1/collectivities/${auch.code}/feed`)
    feed.assertStatus(200)
    await assertMatchesOpenApi(feed)
    assert.equal(feed.body().data[0].type, 'alert')
    assert.equal(feed.body().data[0].alert_kind, 'road_closed')
    assert.equal(feed.body().data[0].authority.code, epci.code)
    assert.isNotNull(feed.body().data[0].ends_at)
    const daxFeed = await client.get(`/api/v1/collectivities/${dax.code}/feed`)
    assert.deepEqual(daxFeed.body().data, [])
  })

  test('a scheduled alert is pushed when the scheduler finds its time has come; an expired one leaves the feed', async ({
    client,
    assert,
  }) => {
    const { auch } = await territory()
    const browser = service.subscription()
    await subscribe(client, browser, [auch.code])
    const alert = await new SaveAlert().handle(auch.id, {
      kind: 'water_cut',
      title: 'Coupure d’eau rue Dessoles',
    })
    const publishAt = DateTime.now().plus({ minutes: 5 })
    await new ScheduleContent().handle({
      type: 'alert',
      id: alert.id,
      publishAt,
      expireAt: publishAt.plus({ hours: 2 }),
    })
    assert.deepEqual(await new PushDueAlerts().handle(), [], 'not before its time')

    const later = publishAt.plus({ minutes: 1 })
    await new RefreshPublicationStates().handle(later)
    assert.deepEqual(await new PushDueAlerts().handle(later.toJSDate()), [alert.id])
    const [push] = await service.waitFor(1)
    assert.equal(push.payload.alert.kind, 'water_cut')

    await new RefreshPublicationStates().handle(publishAt.plus({ hours: 3 }))
    const feed = await client.get(`/api/v1/collectivities/${auch.code}/feed`)
    assert.notInclude(
      feed.body().data.map((item: any) => item.type),
      'alert'
    )
  })

  test('an alert without an end is refused in French', async ({ assert }) => {
    const { auch } = await territory()
    const alert = await new SaveAlert().handle(auch.id, { kind: 'emergency', title: 'Incendie' })
    await assert.rejects(
      () => new PublishContent().handle({ type: 'alert', id: alert.id }),
      /Une alerte doit avoir une date de fin/
    )
    const row = await db.from('info_alerts').where('id', alert.id).first()
    assert.equal(row.status, 'draft')
  })

  test('a gone subscription (410) is pruned, a push service failing for now (503) is retried once', async ({
    client,
    assert,
  }) => {
    const { auch } = await territory()
    const gone = service.subscription()
    const flaky = service.subscription()
    for (const subscription of [gone, flaky]) {
      await subscribe(client, subscription, [auch.code])
    }
    service.gone.add(gone.id)
    service.failuresToSimulate = 1

    const alert = await new SaveAlert().handle(auch.id, {
      kind: 'weather',
      title: 'Vigilance orange orages',
    })
    await new PublishContent().handle({
      type: 'alert',
      id: alert.id,
      expireAt: DateTime.now().plus({ hours: 6 }),
    })

    const [push] = await service.waitFor(1, 30_000)
    assert.equal(push.subscriptionId, flaky.id)
    const endpoints = await db.from('push_subscriptions').select('endpoint')
    assert.deepEqual(
      endpoints.map((row) => row.endpoint),
      [flaky.endpoint]
    )
    await new Promise((resolve) => setTimeout(resolve, 500))
    assert.lengthOf(service.received, 1, 'the retry did not send twice')
  }).timeout(60_000)

  test('push to citizen: only the browsers the citizen subscribed while signed in', async ({
    client,
    assert,
  }) => {
    const { auch } = await territory()
    const { citizen, token } = await citizenWithToken()
    const mine = service.subscription()
    const anonymous = service.subscription()
    const signed = await client
      .post('/api/v1/push/subscriptions')
      .bearerToken(token)
      .json({ subscription: { endpoint: mine.endpoint, keys: mine.keys }, communes: [auch.code] })
    signed.assertStatus(201)
    await assertMatchesOpenApi(signed)
    assert.isTrue(signed.body().data.signed_in)
    await subscribe(client, anonymous, [auch.code])

    await new PushToCitizen().handle(citizen.id, {
      title: 'Votre signalement est pris en charge',
      url: '/app/signalements/1',
      tag: 'report-1',
    })
    const [push] = await service.waitFor(1)
    assert.equal(push.subscriptionId, mine.id)
    assert.equal(push.payload.title, 'Votre signalement est pris en charge')
  })

  test('subscribing refuses bad input in French; unsubscribing forgets the browser; the public key', async ({
    client,
    assert,
  }) => {
    const { auch } = await territory()
    const key = await client.get('/api/v1/push/public-key')
    key.assertStatus(200)
    await assertMatchesOpenApi(key)
    assert.equal(key.body().data.public_key, env.get('VAPID_PUBLIC_KEY'))

    const browser = service.subscription()
    const bad = await client.post('/api/v1/push/subscriptions').json({
      subscription: { endpoint: 'pas une adresse', keys: { p256dh: 'x', auth: 'y' } },
      communes: [],
    })
    bad.assertStatus(422)
    await assertMatchesOpenApi(bad)
    const fields = bad.body().errors.map((entry: any) => entry.field)
    assert.includeMembers(fields, ['subscription.endpoint', 'subscription.keys.p256dh', 'communes'])
    for (const entry of bad.body().errors) assert.notMatch(entry.message, /\bthe\b|must|field/i)

    const unknown = await client.post('/api/v1/push/subscriptions').json({
      subscription: { endpoint: browser.endpoint, keys: browser.keys },
      communes: ['99999'],
    })
    unknown.assertStatus(422)
    assert.equal(unknown.body().errors[0].message, 'Commune introuvable : 99999')
    assert.equal(unknown.body().errors[0].field, 'communes')
    await subscribe(client, browser, [auch.code])
    const removed = await client
      .post('/api/v1/push/subscriptions/remove')
      .json({ endpoint: browser.endpoint })
    removed.assertStatus(204)
    await assertMatchesOpenApi(removed)
    assert.lengthOf(await db.from('push_subscriptions'), 0)
    assert.lengthOf(await db.from('push_subscription_collectivities'), 0)
  })
})
