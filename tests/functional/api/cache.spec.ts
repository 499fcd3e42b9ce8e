import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { citizenWithToken } from '#tests/helpers/citizens'

test.group('API cache headers', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a public read is cacheable, with a weak ETag, and 304 when unchanged', async ({
    client,
    assert,
  }) => {
    const first = await client.get('/api/v1/openapi.json')
    first.assertStatus(200)
    assert.equal(first.header('cache-control'), 'public, max-age=60')
    const etag = first.header('etag') as string
    assert.match(etag, /^W\/"[0-9a-f]+-[\w-]+"$/)

    const again = await client.get('/api/v1/openapi.json')
    assert.equal(again.header('etag'), etag, 'the same body gives the same tag')

    const revalidated = await client.get('/api/v1/openapi.json').header('if-none-match', etag)
    revalidated.assertStatus(304)
    assert.equal(revalidated.text(), '')
    assert.equal(revalidated.header('etag'), etag)

    const stale = await client.get('/api/v1/openapi.json').header('if-none-match', 'W/"autre"')
    stale.assertStatus(200)
  })

  test('a route may choose its own max-age', async ({ client, assert }) => {
    const response = await client.get('/api/v1/docs')
    response.assertStatus(200)
    assert.equal(response.header('cache-control'), 'public, max-age=300')
    assert.exists(response.header('etag'))
  })

  test('an authenticated read is private and never stored', async ({ client, assert }) => {
    const { token } = await citizenWithToken()
    const response = await client.get('/api/v1/auth/me').bearerToken(token)
    response.assertStatus(200)
    assert.equal(response.header('cache-control'), 'private, no-store')
    assert.notExists(response.header('etag'))
  })

  test('writes and errors are never stored', async ({ client, assert }) => {
    const write = await client.post('/api/v1/auth/forgot-password').json({ email: 'a@example.org' })
    write.assertStatus(202)
    assert.equal(write.header('cache-control'), 'no-store')
    const error = await client.get('/api/v1/auth/me')
    assert.equal(error.header('cache-control'), 'no-store')
  })

  test('the API sets no cookie', async ({ client, assert }) => {
    const { token } = await citizenWithToken()
    for (const response of [
      await client.get('/api/v1/openapi.json'),
      await client.get('/api/v1/auth/me').bearerToken(token),
      await client.post('/api/v1/auth/login').json({ email: 'x@example.org', password: 'y' }),
    ]) {
      assert.notExists(response.header('set-cookie'))
    }
  })
})

test.group('API cross-origin access', () => {
  test('any origin may call the API without credentials; the back-office stays same-origin', async ({
    client,
    assert,
  }) => {
    const preflight = await client
      .options('/api/v1/auth/me')
      .header('origin', 'https://app.example.org')
      .header('access-control-request-method', 'PATCH')
      .header('access-control-request-headers', 'authorization, content-type')
    preflight.assertStatus(204)
    assert.equal(preflight.header('access-control-allow-origin'), '*')
    assert.include(String(preflight.header('access-control-allow-methods')), 'PATCH')
    assert.notExists(preflight.header('access-control-allow-credentials'))

    const read = await client
      .get('/api/v1/openapi.json')
      .header('origin', 'https://app.example.org')
    assert.include(String(read.header('access-control-expose-headers')), 'etag')

    const backOffice = await client.get('/login').header('origin', 'https://evil.example.org')
    assert.notExists(backOffice.header('access-control-allow-origin'))
  })
})
