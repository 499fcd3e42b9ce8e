import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import type { Worker } from 'bullmq'
import AuditLog from '#kernel/accounts/models/audit_log'
import { defineJob } from '#kernel/queue/job'
import { registerKernelJobs } from '#kernel/queue/registry'
import { dispatch, getQueue } from '#kernel/queue/queues'
import { startWorkers, stopWorkers } from '#kernel/queue/worker'
import { makeAgent, makeCollectivity } from '../tenancy/fixtures.js'
import { uniqueQueueName, waitForState } from './helpers.js'

interface FailedJobProp {
  queue: string
  id: string
  name: string
  data: string
  failedReason: string
  attemptsMade: number
  failedAt: string | null
}

/** A super-admin acts in an onboarded authority, like every back-office agent. */
async function superAdmin() {
  await makeCollectivity('departement', 'Gers test')
  return makeAgent('super@example.test', [], { isSuperAdmin: true })
}

/**
 * A job really fails in a real worker (Redis, BullMQ), a super-admin sees it on the back-office
 * page and retries it through the route, and the worker runs it again.
 */
test.group('Queue · failed jobs in the back-office', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a failed job is listed for a super-admin, retried from the page, and runs again', async ({
    client,
    assert,
    cleanup,
  }) => {
    const queue = uniqueQueueName('failed-page')
    const runs: Array<{ parcel: number; attempt: number }> = []
    let outage = true
    const job = defineJob<{ parcel: number }>({
      name: `${queue}-deliver`,
      queue,
      attempts: 1,
      async handle(payload, context) {
        runs.push({ parcel: payload.parcel, attempt: context.attempt })
        if (outage) throw new Error('Service de livraison indisponible')
        return { delivered: payload.parcel }
      },
    })
    const unregister = registerKernelJobs(async () => [job])
    let workers: Worker[] = []
    cleanup(async () => {
      await stopWorkers(workers, true)
      await getQueue(queue).obliterate({ force: true })
      unregister()
    })
    workers = await startWorkers({ queues: [queue] })
    await Promise.all(workers.map((worker) => worker.waitUntilReady()))

    const queued = await dispatch(job, { parcel: 42 })
    assert.equal(await waitForState(getQueue(queue), queued, ['completed', 'failed']), 'failed')

    const admin = await superAdmin()
    const page = await client.get('/jobs/failed').withInertia().loginAs(admin)
    page.assertStatus(200)
    page.assertInertiaComponent('jobs/failed')
    const listed = (page.inertiaProps.jobs as FailedJobProp[]).find(
      (failed) => failed.queue === queue
    )
    assert.exists(listed)
    assert.equal(listed!.id, String(queued.id))
    assert.equal(listed!.name, job.name)
    assert.equal(listed!.failedReason, 'Service de livraison indisponible')
    assert.equal(listed!.attemptsMade, 1)
    assert.deepEqual(JSON.parse(listed!.data), { parcel: 42 })
    assert.isNotNull(listed!.failedAt)

    outage = false
    const retried = await client
      .post(`/jobs/failed/${queue}/${queued.id}/retry`)
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .loginAs(admin)
    retried.assertStatus(302)
    retried.assertHeader('location', '/jobs/failed')

    assert.equal(await waitForState(getQueue(queue), queued, ['completed', 'failed']), 'completed')
    assert.deepEqual(runs, [
      { parcel: 42, attempt: 1 },
      { parcel: 42, attempt: 1 },
    ])
    const done = await getQueue(queue).getJob(queued.id!)
    assert.deepEqual(done!.returnvalue, { delivered: 42 })

    const log = await AuditLog.query().where('action', 'job.retried').firstOrFail()
    assert.equal(log.agentId, admin.id)
    assert.equal(log.subjectId, `${queue}:${queued.id}`)

    const after = await client.get('/jobs/failed').withInertia().loginAs(admin)
    assert.notInclude(
      (after.inertiaProps.jobs as FailedJobProp[]).map((failed) => failed.queue),
      queue
    )
  }).timeout(20_000)

  test('retrying a job that is not failed, or on an unknown queue, is refused and runs nothing', async ({
    client,
    assert,
    cleanup,
  }) => {
    const queue = uniqueQueueName('failed-refused')
    let runs = 0
    const job = defineJob({
      name: `${queue}-noop`,
      queue,
      async handle() {
        runs++
      },
    })
    const unregister = registerKernelJobs(async () => [job])
    cleanup(async () => {
      await getQueue(queue).obliterate({ force: true })
      unregister()
    })
    // Waiting in the queue (no worker): not a failed job.
    const waiting = await dispatch(job, {})
    const admin = await superAdmin()

    for (const [path, message] of [
      [`/jobs/failed/${queue}/${waiting.id}/retry`, 'Tâche en échec introuvable'],
      [`/jobs/failed/${queue}/999999/retry`, 'Tâche en échec introuvable'],
      [`/jobs/failed/pas-une-file/${waiting.id}/retry`, 'File de tâches inconnue'],
    ]) {
      const response = await client
        .post(path)
        .withInertia()
        .withCsrfToken()
        .redirects(0)
        .loginAs(admin)
      response.assertStatus(404)
      response.assertInertiaComponent('errors/show')
      assert.equal(response.inertiaProps.message, message, path)
    }
    assert.equal(await getQueue(queue).getJobState(waiting.id!), 'waiting')
    assert.equal(runs, 0)
    assert.lengthOf(await AuditLog.query().where('action', 'job.retried'), 0)
  })
})
