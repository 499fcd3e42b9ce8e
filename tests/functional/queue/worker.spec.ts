import { test } from '@japa/runner'
import type { Worker } from 'bullmq'
import { dispatch, getQueue } from '#kernel/queue/queues'
import { startWorkers, stopWorkers } from '#kernel/queue/worker'
import { registerTestJob, uniqueQueueName, waitForState } from './helpers.js'

/**
 * Real Redis, real BullMQ workers started inside the test process. Each test has its own
 * queue and cleans it up.
 */
test.group('Queue worker', (group) => {
  let workers: Worker[] = []
  let queueNames: string[] = []

  group.each.teardown(async () => {
    await stopWorkers(workers, true)
    for (const name of queueNames) await getQueue(name).obliterate({ force: true })
    workers = []
    queueNames = []
  })

  async function work(queue: string) {
    queueNames.push(queue)
    workers = await startWorkers({ queues: [queue], concurrency: 2 })
    await Promise.all(workers.map((worker) => worker.waitUntilReady()))
  }

  test('runs a dispatched job and keeps its result', async ({ assert }) => {
    const queue = uniqueQueueName('ok')
    const seen: Array<{ id: number; attempt: number }> = []
    const job = registerTestJob<{ id: number }>(
      { queue, handle: async () => null },
      async (payload, context) => {
        seen.push({ id: payload.id, attempt: context.attempt })
        return { doubled: payload.id * 2 }
      }
    )
    await work(queue)

    const queued = await dispatch(job, { id: 21 })
    assert.equal(await waitForState(getQueue(queue), queued, ['completed', 'failed']), 'completed')

    const done = await getQueue(queue).getJob(queued.id!)
    assert.deepEqual(done!.returnvalue, { doubled: 42 })
    assert.deepEqual(seen, [{ id: 21, attempt: 1 }])
  })

  test('retries a failing job with exponential backoff, then keeps it in failed with its reason', async ({
    assert,
  }) => {
    const queue = uniqueQueueName('retry')
    const startedAt: number[] = []
    const job = registerTestJob(
      { queue, attempts: 3, backoffMs: 200, handle: async () => null },
      async (_payload, context) => {
        startedAt.push(Date.now())
        throw new Error(`boom on attempt ${context.attempt}`)
      }
    )
    await work(queue)

    const queued = await dispatch(job, {})
    assert.equal(await waitForState(getQueue(queue), queued, ['completed', 'failed']), 'failed')

    assert.lengthOf(startedAt, 3)
    const firstGap = startedAt[1] - startedAt[0]
    const secondGap = startedAt[2] - startedAt[1]
    assert.isAtLeast(firstGap, 200)
    assert.isAtLeast(secondGap, 400)

    const failed = await getQueue(queue).getFailed()
    assert.lengthOf(failed, 1)
    assert.equal(failed[0].id, queued.id)
    assert.equal(failed[0].attemptsMade, 3)
    assert.equal(failed[0].failedReason, 'boom on attempt 3')
  }).timeout(20_000)

  test('fails a job that runs past its timeout, with a timeout reason, and aborts its signal', async ({
    assert,
  }) => {
    const queue = uniqueQueueName('timeout')
    let aborted = false
    const job = registerTestJob(
      { queue, attempts: 1, timeoutMs: 300, handle: async () => null },
      async (_payload, context) => {
        context.signal.addEventListener('abort', () => (aborted = true))
        // Ignores the signal on purpose: the worker must not wait for it.
        await new Promise((resolve) => setTimeout(resolve, 3_000))
      }
    )
    await work(queue)

    const queued = await dispatch(job, {})
    const started = Date.now()
    assert.equal(await waitForState(getQueue(queue), queued, ['completed', 'failed']), 'failed')
    assert.isBelow(Date.now() - started, 2_500)

    const failed = await getQueue(queue).getJob(queued.id!)
    assert.match(failed!.failedReason, /timed out after 300 ms/)
    assert.isTrue(aborted)
  })

  test('fails an unknown job name at once, without retries, and keeps working', async ({
    assert,
  }) => {
    const queue = uniqueQueueName('unknown')
    const job = registerTestJob({ queue, handle: async () => 'still alive' })
    await work(queue)

    const stray = await getQueue(queue).add('nobody-knows-me', {}, { attempts: 5 })
    assert.equal(await waitForState(getQueue(queue), stray, ['completed', 'failed']), 'failed')
    const failed = await getQueue(queue).getJob(stray.id!)
    assert.equal(failed!.attemptsMade, 1)
    assert.match(failed!.failedReason, /No job named "nobody-knows-me"/)

    const queued = await dispatch(job, {})
    assert.equal(await waitForState(getQueue(queue), queued, ['completed', 'failed']), 'completed')
  })

  test('completes a job whose result cannot be stored as JSON, and one that throws synchronously fails', async ({
    assert,
  }) => {
    const queue = uniqueQueueName('odd')
    const circular = registerTestJob(
      { queue, name: `${queue}-circular`, handle: async () => null },
      async () => {
        const value: Record<string, unknown> = { big: 10n }
        value.self = value
        return value
      }
    )
    const sync = registerTestJob(
      { queue, name: `${queue}-sync`, attempts: 1, handle: async () => null },
      (() => {
        throw new TypeError('thrown before any await')
      }) as any
    )
    await work(queue)

    const first = await dispatch(circular, {})
    assert.equal(await waitForState(getQueue(queue), first, ['completed', 'failed']), 'completed')
    assert.isNull((await getQueue(queue).getJob(first.id!))!.returnvalue)

    const second = await dispatch(sync, {})
    assert.equal(await waitForState(getQueue(queue), second, ['completed', 'failed']), 'failed')
    assert.equal(
      (await getQueue(queue).getJob(second.id!))!.failedReason,
      'thrown before any await'
    )
  })
})

test.group('Queue worker · repeated jobs', () => {
  test('a job with `repeat` runs by itself, with one schedule however many workers start', async ({
    assert,
    cleanup,
  }) => {
    const queue = uniqueQueueName('repeat')
    let runs = 0
    const job = registerTestJob(
      { queue, repeat: { everyMs: 300 }, handle: async () => null },
      async () => {
        runs++
      }
    )
    const first = await startWorkers({ queues: [queue] })
    const second = await startWorkers({ queues: [queue] })
    cleanup(async () => {
      await stopWorkers([...first, ...second], true)
      await getQueue(queue).removeJobScheduler(job.name)
      await getQueue(queue).obliterate({ force: true })
    })

    const schedulers = await getQueue(queue).getJobSchedulers()
    assert.lengthOf(schedulers, 1)
    assert.equal(schedulers[0].key, job.name)

    const deadline = Date.now() + 5000
    while (runs < 2 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50))
    assert.isAtLeast(runs, 2)
  })
  test('a start stopped before it is done schedules nothing and starts no worker', async ({
    assert,
    cleanup,
  }) => {
    const queue = uniqueQueueName('aborted')
    const job = registerTestJob({ queue, repeat: { everyMs: 300 }, handle: async () => null })
    cleanup(async () => {
      await getQueue(queue).removeJobScheduler(job.name)
      await getQueue(queue).obliterate({ force: true })
    })
    const starting = new AbortController()
    starting.abort(new Error('stopped during start-up'))

    await assert.rejects(
      () => startWorkers({ queues: [queue], signal: starting.signal }),
      'stopped during start-up'
    )
    assert.lengthOf(await getQueue(queue).getJobSchedulers(), 0)
    assert.equal(await getQueue(queue).getWorkersCount(), 0)
  })
})
