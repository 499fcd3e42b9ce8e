import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { ensureCommune } from '#tests/helpers/citizens'

test.group('API HTTP semantics and security headers', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('answers and errors carry nosniff and a Referrer-Policy; CORS never echoes an origin', async ({
    client,
    assert,
  }) => {
    const { code } = await ensureCommune()
    const answers = [
      await client.get(`/api/v1/collectivities/${code}`).header('origin', 'https://a.example'),
      await client.get('/api/v1/collectivities/00000').header('origin', 'https://b.example'),
      await client.post('/api/v1/auth/login').json({}),
    ]
    for (const response of answers) {
      assert.equal(response.header('x-content-type-options'), 'nosniff')
      assert.equal(response.header('referrer-policy'), 'strict-origin-when-cross-origin')
    }
    // A shared cache may keep the public read: its CORS header is the same for every origin.
    assert.match(String(answers[0].header('cache-control')), /public/)
    assert.equal(answers[0].header('access-control-allow-origin'), '*')
    assert.equal(answers[1].header('access-control-allow-origin'), '*')
  })

  test('a 401 names the Bearer scheme (RFC 6750)', async ({ client, assert }) => {
    const missing = await client.get('/api/v1/auth/me')
    missing.assertStatus(401)
    assert.equal(missing.header('www-authenticate'), 'Bearer realm="bastide"')
    const wrong = await client.get('/api/v1/auth/me').bearerToken('bst_pas-un-jeton')
    wrong.assertStatus(401)
    assert.equal(wrong.header('www-authenticate'), 'Bearer realm="bastide"')
  })

  test('a wrong method on a known path is a 405 with Allow; an unknown path stays 404', async ({
    client,
    assert,
  }) => {
    const { code } = await ensureCommune()
    const deleted = await client.delete('/api/v1/collectivities')
    deleted.assertStatus(405)
    assert.equal(deleted.header('allow'), 'GET, HEAD')
    assert.equal(deleted.body().errors[0].code, 'E_METHOD_NOT_ALLOWED')

    const posted = await client.post(`/api/v1/collectivities/${code}/feed`).json({})
    posted.assertStatus(405)
    assert.equal(posted.header('allow'), 'GET, HEAD')

    const me = await client.put('/api/v1/me')
    me.assertStatus(405)
    assert.equal(me.header('allow'), 'DELETE')

    const unknown = await client.delete('/api/v1/nulle-part')
    unknown.assertStatus(404)
    assert.notExists(unknown.header('allow'))
  })
})
