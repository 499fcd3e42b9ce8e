import { test } from '@japa/runner'
import type { Worker } from 'bullmq'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import Tenant from '#kernel/tenancy/tenant'
import { getQueue } from '#kernel/queue/queues'
import { startWorkers, stopWorkers } from '#kernel/queue/worker'
import { StandInPushService } from '#tests/helpers/push_service'
import { citizenWithToken } from '#tests/helpers/citizens'
import { makeAgent } from '#tests/functional/tenancy/fixtures'
import { gersWithShapes, POINTS } from '#tests/fixtures/signalement/gers'
import TransitionReport from '#signalement/actions/transition_report'

/**
 * Web Push to the reporter, end to end: the citizen subscribes a browser while signed in, an
 * agent takes a step, a real BullMQ worker delivers through web-push to the local stand-in push
 * service, which checks the VAPID signature and decrypts the payload. Committed rows (the worker
 * must see them), every table truncated when the group ends.
 */
test.group('Signalement: Web Push to the reporter', (group) => {
  let gers: Awaited<ReturnType<typeof gersWithShapes>>
  let service: StandInPushService
  let workers: Worker[] = []

  group.setup(async () => {
    const truncate = await testUtils.db().truncate()
    gers = await gersWithShapes()
    await getQueue('push').obliterate({ force: true })
    service = await new StandInPushService().start()
    workers = await startWorkers({ queues: ['push'], concurrency: 2 })
    await Promise.all(workers.map((worker) => worker.waitUntilReady()))
    mail.fake()
    return async () => {
      mail.restore()
      await stopWorkers(workers, true)
      await service.stop()
      await truncate()
    }
  })

  test('each public step of a report reaches the browsers its reporter subscribed, no one else’s', async ({
    client,
    assert,
  }) => {
    const reporter = await citizenWithToken()
    const mine = service.subscription()
    const neighbours = service.subscription()
    const subscribe = (subscription: typeof mine, token?: string) => {
      const request = client.post('/api/v1/push/subscriptions').json({
        subscription: { endpoint: subscription.endpoint, keys: subscription.keys },
        communes: ['32013'],
      })
      return (token ? request.bearerToken(token) : request).then((response) =>
        response.assertStatus(201)
      )
    }
    await subscribe(mine, reporter.token)
    const neighbour = await citizenWithToken()
    await subscribe(neighbours, neighbour.token)

    const created = await client.post('/api/v1/reports').bearerToken(reporter.token).json({
      category: 'voirie',
      description: 'Nid-de-poule devant la poste',
      position: POINTS.auch,
    })
    created.assertStatus(201)
    const id: number = created.body().data.id
    const agent = await makeAgent('voirie-auch@example.test', [[gers.auch, 'moderator']])
    const tenant = new Tenant(agent, gers.auch, 'moderator')

    await new TransitionReport().handle(tenant, {
      reportId: id,
      to: 'acknowledged',
      publicMessage: 'Une équipe passe jeudi',
      internalNote: 'Équipe B',
    })
    const [first] = await service.waitFor(1)
    assert.equal(first.subscriptionId, mine.id)
    assert.equal(first.payload.title, `Votre signalement n° ${id} : pris en compte`)
    assert.equal(first.payload.body, 'Une équipe passe jeudi')
    assert.equal(first.payload.url, `/app/signalements/${id}`)
    assert.equal(first.payload.tag, `report-${id}`)
    assert.deepEqual(first.payload.report, { id })
    assert.notInclude(JSON.stringify(first.payload), 'Équipe B')
    assert.isAbove(Number(first.headers.ttl), 6 * 86_400)

    await new TransitionReport().handle(tenant, { reportId: id, to: 'resolved' })
    const [, second] = await service.waitFor(2)
    assert.equal(second.subscriptionId, mine.id)
    assert.equal(second.payload.title, `Votre signalement n° ${id} : résolu`)
    assert.notProperty(second.payload, 'body')
    assert.deepEqual(service.rejected, [])
    assert.notInclude(
      service.received.map((push) => push.subscriptionId),
      neighbours.id
    )
  }).timeout(60_000)
})
