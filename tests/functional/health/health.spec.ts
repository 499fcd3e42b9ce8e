import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import CheckHealth from '#kernel/health/actions/check_health'
import { defineJob } from '#kernel/queue/job'
import { registerKernelJobs } from '#kernel/queue/registry'
import { dispatch, getQueue } from '#kernel/queue/queues'

/** Closed ports: nothing listens there, so these stand for a service that is down. */
const CLOSED_REDIS = 'redis://127.0.0.1:1/0'

test.group('Health', (group) => {
  const queue = `test-health-${process.pid}`
  const job = defineJob({ name: `${queue}-job`, queue, handle: async () => null })
  registerKernelJobs(async () => [job])
  group.teardown(() => getQueue(queue).obliterate({ force: true }))

  test('GET /health answers 200 with database, Redis and the depth of every queue', async ({
    client,
    assert,
  }) => {
    await dispatch(job, {}, { delayMs: 60_000 })
    await dispatch(job, {})

    const response = await client.get('/health')

    response.assertStatus(200)
    assert.equal(response.header('cache-control'), 'no-store')
    const body = response.body()
    assert.equal(body.status, 'ok')
    assert.equal(body.checks.database.status, 'ok')
    assert.equal(body.checks.redis.status, 'ok')
    assert.equal(body.checks.queues.status, 'ok')
    assert.deepEqual(body.checks.queues.queues[queue], {
      waiting: 1,
      active: 0,
      delayed: 1,
      failed: 0,
    })
  })

  test('reports Redis and the queues as failed when Redis cannot be reached', async ({
    assert,
  }) => {
    const started = Date.now()
    const report = await new CheckHealth().handle({ redisUrl: CLOSED_REDIS, timeoutMs: 1500 })

    assert.equal(report.status, 'error')
    assert.equal(report.checks.database.status, 'ok')
    assert.equal(report.checks.redis.status, 'error')
    assert.match(report.checks.redis.message!, /ECONNREFUSED|Connection is closed|pas de réponse/)
    assert.equal(report.checks.queues.status, 'error')
    assert.isBelow(Date.now() - started, 2000)
  })

  test('reports the database as failed when PostgreSQL cannot be reached', async ({
    assert,
    cleanup,
  }) => {
    db.manager.add('health-down', {
      client: 'pg',
      connection: { host: '127.0.0.1', port: 1, user: 'postgres', database: 'nothing' },
    })
    cleanup(() => db.manager.release('health-down'))

    const report = await new CheckHealth().handle({
      databaseConnection: 'health-down',
      timeoutMs: 1500,
    })

    assert.equal(report.status, 'error')
    assert.equal(report.checks.database.status, 'error')
    assert.match(report.checks.database.message!, /ECONNREFUSED|pas de réponse/)
    assert.equal(report.checks.redis.status, 'ok')
  })

  test('a job registry that does not answer fails the queue check only, in bounded time', async ({
    assert,
    cleanup,
  }) => {
    cleanup(registerKernelJobs(() => new Promise(() => {})))

    const started = Date.now()
    const report = await new CheckHealth().handle({ timeoutMs: 500 })

    assert.isBelow(Date.now() - started, 1500)
    assert.equal(report.status, 'error')
    assert.equal(report.checks.redis.status, 'ok')
    assert.equal(report.checks.database.status, 'ok')
    assert.equal(report.checks.queues.status, 'error')
    assert.match(report.checks.queues.message!, /Liste des files/)
  })

  test('a probe against a dead Redis leaves no connection behind', async ({ assert }) => {
    const handlesBefore = process
      .getActiveResourcesInfo()
      .filter((name) => name === 'TCPWRAP').length
    for (let i = 0; i < 5; i++)
      await new CheckHealth().handle({ redisUrl: CLOSED_REDIS, timeoutMs: 500 })
    await new Promise((resolve) => setTimeout(resolve, 200))
    const handlesAfter = process
      .getActiveResourcesInfo()
      .filter((name) => name === 'TCPWRAP').length
    assert.isAtMost(handlesAfter, handlesBefore)
  })

  test('a second app instance whose Redis and database are down answers 503', async ({
    assert,
    cleanup,
  }) => {
    const port = Number(process.env.PORT ?? 3334) + 10
    const server = spawn(
      app.makePath('node_modules/.bin/node'),
      ['--import=@poppinss/ts-exec', 'bin/server.ts'],
      {
        cwd: app.makePath(),
        env: { ...process.env, PORT: String(port), REDIS_URL: CLOSED_REDIS, DB_PORT: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    )
    let output = ''
    server.stdout!.on('data', (chunk) => (output += chunk))
    server.stderr!.on('data', (chunk) => (output += chunk))
    cleanup(async () => {
      if (server.exitCode !== null) return
      const exited = once(server, 'exit')
      server.kill('SIGTERM')
      const timer = setTimeout(() => server.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    })

    let response: Response | undefined
    const deadline = Date.now() + 45_000
    while (!response && Date.now() < deadline) {
      if (server.exitCode !== null) throw new Error(`server exited:\n${output}`)
      response = await fetch(`http://127.0.0.1:${port}/health`, {
        signal: AbortSignal.timeout(10_000),
      }).catch(() => undefined)
      if (!response) await new Promise((resolve) => setTimeout(resolve, 200))
    }
    assert.exists(response, output)
    assert.equal(response!.status, 503)
    const body = (await response!.json()) as any
    assert.equal(body.status, 'error')
    assert.equal(body.checks.database.status, 'error')
    assert.equal(body.checks.redis.status, 'error')
  }).timeout(60_000)
})
