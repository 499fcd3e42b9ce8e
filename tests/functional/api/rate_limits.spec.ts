import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { apiRateLimits } from '#start/limiter'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { citizenWithToken } from '#tests/helpers/citizens'

const badToken = { token: 'x'.repeat(43) }

test.group('API rate limits on writes', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the login 429 carries the login limiter’s own X-RateLimit-* with a reset in seconds', async ({
    client,
    assert,
  }) => {
    const attempt = () =>
      client.post('/api/v1/auth/login').json({ email: 'a@example.org', password: 'pas le bon' })
    for (let request = 0; request < apiRateLimits.login.requests; request++) {
      const refused = await attempt()
      refused.assertStatus(401)
    }
    const blocked = await attempt()
    blocked.assertStatus(429)
    assert.equal(blocked.header('x-ratelimit-limit'), String(apiRateLimits.login.requests))
    assert.equal(blocked.header('x-ratelimit-remaining'), '0')
    const reset = Number(blocked.header('x-ratelimit-reset'))
    assert.isTrue(Number.isInteger(reset) && reset > 0 && reset <= 60, `reset ${reset}`)
    assert.equal(blocked.header('x-ratelimit-reset'), blocked.header('retry-after'))
  })

  test('anonymous writes are counted per IP; reads are not limited', async ({ client, assert }) => {
    for (let request = 0; request < apiRateLimits.anonymousWrites.requests; request++) {
      const response = await client.post('/api/v1/auth/verify-email').json(badToken)
      response.assertStatus(422)
    }
    const blocked = await client.post('/api/v1/auth/verify-email').json(badToken)
    blocked.assertStatus(429)
    await assertMatchesOpenApi(blocked)
    assert.equal(blocked.body().errors[0].code, 'E_TOO_MANY_REQUESTS')
    assert.isAbove(Number(blocked.header('retry-after')), 0)

    // A made-up token does not buy a fresh bucket.
    const disguised = await client
      .post('/api/v1/auth/verify-email')
      .bearerToken('bst_invente')
      .json(badToken)
    disguised.assertStatus(429)

    const read = await client.get('/api/v1/openapi.json')
    read.assertStatus(200)

    // A signed-in citizen has a bucket of their own.
    const { token } = await citizenWithToken()
    const signedIn = await client
      .patch('/api/v1/auth/me')
      .bearerToken(token)
      .json({ display_name: 'Alix' })
    signedIn.assertStatus(200)
  })

  test('a citizen’s writes are counted per citizen, not per IP', async ({ client, assert }) => {
    const alix = await citizenWithToken()
    const sam = await citizenWithToken()
    for (let request = 0; request < apiRateLimits.citizenWrites.requests; request++) {
      const response = await client
        .patch('/api/v1/auth/me')
        .bearerToken(alix.token)
        .json({ display_name: 'Alix' })
      response.assertStatus(200)
    }
    const blocked = await client
      .patch('/api/v1/auth/me')
      .bearerToken(alix.token)
      .json({ display_name: 'Alix' })
    blocked.assertStatus(429)
    await assertMatchesOpenApi(blocked)
    assert.exists(blocked.header('retry-after'))

    const other = await client
      .patch('/api/v1/auth/me')
      .bearerToken(sam.token)
      .json({ display_name: 'Sam' })
    other.assertStatus(200)
  })
})
