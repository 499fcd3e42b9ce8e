import { test } from '@japa/runner'
import { setTimeout as sleep } from 'node:timers/promises'
import { freePort, startAppProcess, type AppProcess } from '#tests/helpers/app_process'
import { DisposableRedis } from '#tests/helpers/redis_server'

/** A request and how long its answer took. */
async function timed(url: string, init?: RequestInit) {
  const started = performance.now()
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) })
  const body = await response.text()
  return { status: response.status, body, ms: performance.now() - started, response }
}

const citizenLogin = (server: AppProcess) =>
  timed(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept': 'application/json' },
    body: JSON.stringify({ email: 'personne@example.org', password: 'pas le bon mot de passe' }),
  })

const publicRead = (server: AppProcess) => timed(`${server.url}/api/v1/collectivities?q=auch`)

/**
 * Degraded, not down: a real app process (rate limits in Redis, as in production) whose Redis
 * — a redis-server of this test — goes away and comes back.
 */
test.group('Redis outage', (group) => {
  let redis: DisposableRedis
  let server: AppProcess

  group.setup(async () => {
    redis = new DisposableRedis(await freePort())
    await redis.start()
    server = await startAppProcess({
      REDIS_URL: redis.url,
      LIMITER_STORE: 'redis',
      QUEUE_PREFIX: 't-outage',
    })
    return async () => {
      await server.stop()
      await redis.stop()
    }
  })

  test('public reads keep working, login and writes answer 503 within 2 s, then it all comes back', async ({
    assert,
  }) => {
    // Redis up: a wrong password is a 401 (the login limiter counted it in Redis).
    const readBefore = await publicRead(server)
    const loginBefore = await citizenLogin(server)
    assert.equal(readBefore.status, 200)
    assert.equal(loginBefore.status, 401)

    await redis.stop()

    const read = await publicRead(server)
    assert.equal(read.status, 200, read.body)
    assert.isBelow(read.ms, 2000)

    for (let attempt = 0; attempt < 3; attempt++) {
      const login = await citizenLogin(server)
      assert.equal(login.status, 503, login.body)
      assert.isBelow(login.ms, 2000)
      assert.deepEqual(JSON.parse(login.body), {
        errors: [
          {
            code: 'E_SERVICE_UNAVAILABLE',
            message: 'Service momentanément indisponible : réessayez dans un instant',
          },
        ],
      })
      assert.equal(login.response.headers.get('retry-after'), '5')
    }

    const anonymousWrite = await timed(`${server.url}/api/v1/auth/forgot-password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'personne@example.org' }),
    })
    assert.equal(anonymousWrite.status, 503, anonymousWrite.body)
    assert.isBelow(anonymousWrite.ms, 2000)

    const health = await timed(`${server.url}/health`)
    assert.equal(health.status, 503)
    assert.equal(JSON.parse(health.body).checks.redis.status, 'error')

    // Still serving reads after the refusals.
    const readAfter = await publicRead(server)
    assert.equal(readAfter.status, 200)

    await redis.start()
    const deadline = Date.now() + 15_000
    let recovered = await citizenLogin(server)
    while (recovered.status !== 401 && Date.now() < deadline) {
      await sleep(250)
      recovered = await citizenLogin(server)
    }
    assert.equal(recovered.status, 401, recovered.body)
    assert.isBelow(recovered.ms, 2000)
    const healthy = await timed(`${server.url}/health`)
    assert.equal(healthy.status, 200, healthy.body)
  }).timeout(120_000)

  test('the back-office login answers 503 within 2 s while Redis is away', async ({ assert }) => {
    await redis.stop()
    try {
      const page = await fetch(`${server.url}/login`, {
        headers: { 'x-inertia': 'true', 'x-inertia-version': '1' },
      })
      assert.equal(page.status, 200)
      const cookies = page.headers.getSetCookie().map((cookie) => cookie.split(';')[0])
      const xsrf = cookies.find((cookie) => cookie.startsWith('XSRF-TOKEN='))!.slice(11)
      const login = await timed(`${server.url}/login`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept': 'application/json',
          'cookie': cookies.join('; '),
          'x-xsrf-token': decodeURIComponent(xsrf),
        },
        body: JSON.stringify({ email: 'agent@example.test', password: 'un mot de passe solide' }),
      })
      assert.equal(login.status, 503, login.body)
      assert.isBelow(login.ms, 2000)
      assert.equal(JSON.parse(login.body).errors[0].code, 'E_SERVICE_UNAVAILABLE')
    } finally {
      await redis.start()
    }
  }).timeout(60_000)
})
