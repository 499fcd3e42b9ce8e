import { test } from '@japa/runner'
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import app from '@adonisjs/core/services/app'
import { dispatch, getQueue } from '#kernel/queue/queues'
import { startWorkers, stopWorkers } from '#kernel/queue/worker'
import { registerTestJob, uniqueQueueName, waitForState } from './helpers.js'

/** `node ace queue:work` through Node 24 from node_modules (the machine's own node is older). */
function spawnWorker(args: string[], env: Record<string, string> = {}) {
  const child = spawn(app.makePath('node_modules/.bin/node'), ['ace', 'queue:work', ...args], {
    cwd: app.makePath(),
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  return { child, output: () => output }
}

async function waitForOutput(
  read: () => string,
  pattern: RegExp,
  child: ChildProcess,
  timeoutMs = 30_000
) {
  const deadline = Date.now() + timeoutMs
  while (!pattern.test(read())) {
    if (child.exitCode !== null) throw new Error(`worker exited early:\n${read()}`)
    if (Date.now() > deadline) throw new Error(`no ${pattern} after ${timeoutMs} ms:\n${read()}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function exitOf(child: ChildProcess, timeoutMs = 20_000) {
  if (child.exitCode !== null) return child.exitCode
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const [code] = await once(child, 'exit')
  clearTimeout(timer)
  return code as number | null
}

test.group('queue:work', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    test(`starts in its own process, survives a bad job and exits 0 on ${signal}`, async ({
      assert,
      cleanup,
    }) => {
      const queue = uniqueQueueName('cli')
      cleanup(() => getQueue(queue).obliterate({ force: true }))
      const { child, output } = spawnWorker([`--queue=${queue}`, '--concurrency=1'])
      cleanup(() => void (child.exitCode === null && child.kill('SIGKILL')))

      await waitForOutput(output, /Worker prêt/, child)
      assert.include(output(), queue)

      // No such job in the worker's registry: that job fails, the process carries on.
      const stray = await getQueue(queue).add('nobody-knows-me', {})
      assert.equal(await waitForState(getQueue(queue), stray, ['failed', 'completed']), 'failed')
      assert.isNull(child.exitCode)

      child.kill(signal)
      assert.equal(await exitOf(child), 0)
      assert.include(output(), 'Worker arrêté')
    }).timeout(60_000)
  }

  test('says once that Redis is unreachable, waits for it, and still stops cleanly', async ({
    assert,
    cleanup,
  }) => {
    const { child, output } = spawnWorker([], { REDIS_URL: 'redis://127.0.0.1:1/0' })
    cleanup(() => void (child.exitCode === null && child.kill('SIGKILL')))

    await waitForOutput(output, /Redis injoignable \(127\.0\.0\.1:1 : .*ECONNREFUSED/, child)
    child.kill('SIGTERM')
    assert.equal(await exitOf(child), 0)
  }).timeout(60_000)

  test('rejects a concurrency below 1 with exit code 1', async ({ assert }) => {
    const { child, output } = spawnWorker(['--queue=nothing', '--concurrency=0'])
    assert.equal(await exitOf(child, 40_000), 1)
    assert.include(output(), '--concurrency')
  }).timeout(60_000)

  test('a graceful stop lets the running job finish first', async ({ assert, cleanup }) => {
    const queue = uniqueQueueName('drain')
    cleanup(() => getQueue(queue).obliterate({ force: true }))
    let finished = false
    const job = registerTestJob({ queue, handle: async () => null }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 800))
      finished = true
      return 'done'
    })
    const workers = await startWorkers({ queues: [queue] })
    const queued = await dispatch(job, {})
    await waitForState(getQueue(queue), queued, ['active'])

    await stopWorkers(workers)
    assert.isTrue(finished)
    assert.equal(await getQueue(queue).getJobState(queued.id!), 'completed')
  })
})
