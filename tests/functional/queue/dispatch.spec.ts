import { test } from '@japa/runner'
import env from '#start/env'
import { DomainError } from '#kernel/http/errors'
import { dispatch, getQueue } from '#kernel/queue/queues'
import { defineJob } from '#kernel/queue/job'
import { uniqueQueueName } from './helpers.js'

test.group('Queue dispatch', () => {
  test('enqueues with the job’s retry policy and keeps failed jobs for a month', async ({
    assert,
    cleanup,
  }) => {
    const queue = uniqueQueueName('dispatch')
    cleanup(() => getQueue(queue).obliterate({ force: true }))
    const job = defineJob({
      name: `${queue}-job`,
      queue,
      attempts: 4,
      backoffMs: 750,
      handle: async () => null,
    })

    const queued = await dispatch(job, { id: 7 }, { jobId: 'media-7' })
    const again = await dispatch(job, { id: 7 }, { jobId: 'media-7' })

    assert.equal(again.id, queued.id)
    assert.equal(await getQueue(queue).count(), 1)
    const stored = await getQueue(queue).getJob('media-7')
    assert.deepEqual(stored!.data, { id: 7 })
    assert.equal(stored!.opts.attempts, 4)
    assert.deepEqual(stored!.opts.backoff, { type: 'exponential', delay: 750 })
    assert.deepEqual(stored!.opts.removeOnFail, { age: 30 * 24 * 3600 })
  })

  test('answers the outage’s 503 E_SERVICE_UNAVAILABLE instead of hanging when Redis is down', async ({
    assert,
    cleanup,
  }) => {
    const queue = uniqueQueueName('down')
    const redisUrl = env.get('REDIS_URL')
    // The queue is created (and keeps its connection options) while REDIS_URL points nowhere.
    env.set('REDIS_URL', 'redis://127.0.0.1:1/0')
    const dead = getQueue(queue)
    env.set('REDIS_URL', redisUrl!)
    cleanup(() => dead.close())
    const job = defineJob({ name: `${queue}-job`, queue, handle: async () => null })

    const started = Date.now()
    // The default wait, as requests meet it: their answer must come within 2 s.
    const error = await dispatch(job, {}).catch((caught) => caught)

    assert.instanceOf(error, DomainError)
    assert.equal(error.code, 'E_SERVICE_UNAVAILABLE')
    assert.equal(error.status, 503)
    assert.isBelow(Date.now() - started, 2000)
  })
})
