import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import db from '@adonisjs/lucid/services/db'
import Media from '#kernel/media/models/media'
import { freePort, startAppProcess, type AppProcess } from '#tests/helpers/app_process'
import { DisposableRedis } from '#tests/helpers/redis_server'
import { citizenWithToken } from '#tests/helpers/citizens'
import { makeCollectivity } from '#tests/functional/tenancy/fixtures'
import * as mediaFixtures from '#tests/fixtures/media/generate'

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

/** A citizen's photo upload: a write that queues its processing (BullMQ, the same Redis). */
async function upload(server: AppProcess, token: string, code: string, photo: string) {
  const form = new FormData()
  form.set('collectivity', code)
  form.set('file', new Blob([await readFile(photo)], { type: 'image/png' }), 'photo.png')
  return timed(`${server.url}/api/v1/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
    body: form,
  })
}

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
    // Back to the real answer; its latency is a password check's, which the 2 s bound (about
    // refusals during the outage) does not cover.
    assert.equal(recovered.status, 401, recovered.body)
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
  test('a queued write answers the same 503 within 2 s, and goes through once Redis is back', async ({
    assert,
  }) => {
    // Its own instance with the rate limiter in memory, so that the write gets past the limiter
    // and meets the queue (with the limiter in Redis, as above, the limiter refuses first).
    const queued = await startAppProcess({
      REDIS_URL: redis.url,
      LIMITER_STORE: 'memory',
      QUEUE_PREFIX: 't-outage-queue',
    })
    // Committed rows (the app process cannot see a test transaction): removed afterwards.
    const commune = await makeCollectivity('commune', 'Commune panne de file')
    const { citizen, token } = await citizenWithToken()
    const files = await mediaFixtures.fixtureDir()
    try {
      const photo = await mediaFixtures.png(files.dir, 64, 48)
      // Redis up: the upload is accepted (and the process has loaded the upload path).
      const before = await upload(queued, token, commune.code, photo)
      assert.equal(before.status, 201, before.body)
      await redis.stop()

      const read = await publicRead(queued)
      assert.equal(read.status, 200, read.body)
      const refused = await upload(queued, token, commune.code, photo)
      assert.equal(refused.status, 503, refused.body)
      assert.isBelow(refused.ms, 2000)
      assert.deepEqual(JSON.parse(refused.body), {
        errors: [
          {
            code: 'E_SERVICE_UNAVAILABLE',
            message:
              'Les traitements en arrière-plan sont momentanément indisponibles : réessayez dans un instant',
          },
        ],
      })
      assert.equal(refused.response.headers.get('retry-after'), '5')
      // What was stored stays pending, for `media:reprocess` to queue again (ADR 0009).
      const stored = await Media.query().where('collectivityId', commune.id).orderBy('id')
      assert.lengthOf(stored, 2)
      assert.equal(stored[1].state, 'pending')

      await redis.start()
      const deadline = Date.now() + 15_000
      let accepted = await upload(queued, token, commune.code, photo)
      while (accepted.status !== 201 && Date.now() < deadline) {
        await sleep(250)
        accepted = await upload(queued, token, commune.code, photo)
      }
      assert.equal(accepted.status, 201, accepted.body)
      assert.isBelow(accepted.ms, 2000)
    } finally {
      await redis.start()
      await queued.stop()
      await files.remove()
      await db.from('media').where('collectivity_id', commune.id).delete()
      await db.from('collectivities').where('id', commune.id).delete()
      await db.from('citizens').where('id', citizen.id).delete()
    }
  }).timeout(180_000)
})
