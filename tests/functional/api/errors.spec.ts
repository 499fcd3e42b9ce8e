import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Citizen from '#kernel/accounts/models/citizen'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { citizenWithToken } from '#tests/helpers/citizens'

interface ErrorBody {
  errors: { code: string; message: string; field?: string }[]
}

test.group('API errors: one JSON format for every refusal', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('malformed JSON is a 400 E_INVALID_JSON', async ({ client, assert }) => {
    for (const raw of ['{"email": ', '{email: "a@b.fr"}', '"juste une chaîne"']) {
      const response = await client
        .post('/api/v1/auth/login')
        .type('application/json')
        .unsafeJson(raw)
      response.assertStatus(400)
      await assertMatchesOpenApi(response)
      assert.equal((response.body() as ErrorBody).errors[0].code, 'E_INVALID_JSON')
    }
  })

  test('a JSON body over 1 MB is a 413, and the account is not changed', async ({
    client,
    assert,
  }) => {
    const { citizen, token } = await citizenWithToken()
    const response = await client
      .patch('/api/v1/auth/me')
      .bearerToken(token)
      .json({ display_name: 'x'.repeat(1024 * 1024 + 10) })
    response.assertStatus(413)
    await assertMatchesOpenApi(response)
    assert.equal((response.body() as ErrorBody).errors[0].code, 'E_REQUEST_ENTITY_TOO_LARGE')
    await citizen.refresh()
    assert.equal(citizen.displayName, 'Camille Citoyenne')
  })

  test('an unknown API route is a JSON 404', async ({ client, assert }) => {
    const response = await client.get('/api/v1/nulle-part')
    response.assertStatus(404)
    assert.deepEqual(response.body(), {
      errors: [{ code: 'E_ROUTE_NOT_FOUND', message: 'Adresse introuvable' }],
    })
    assert.equal(response.header('cache-control'), 'no-store')
  })

  test('a missing resource is a 404 with a *_NOT_FOUND code', async ({ client, assert }) => {
    const response = await client.get('/api/v1/collectivities/00000')
    response.assertStatus(404)
    await assertMatchesOpenApi(response)
    assert.match((response.body() as ErrorBody).errors[0].code, /^E_[A-Z_]*NOT_FOUND$/)
  })

  test('bad input never produces a 500', async ({ client, assert }) => {
    const { token } = await citizenWithToken()
    const hostile = [
      "'; DROP TABLE citizens; --",
      '<script>alert(1)</script>',
      '\u0000\u0001',
      '💥'.repeat(50),
      '{"$gt": ""}',
    ]
    for (const value of hostile) {
      const responses = await Promise.all([
        client.post('/api/v1/auth/login').json({ email: value, password: value }),
        client.patch('/api/v1/auth/me').bearerToken(token).json({ home_commune_code: value }),
        client.post('/api/v1/auth/verify-email').json({ token: value }),
        client.get('/api/v1/auth/sessions').qs({ cursor: value, limit: value }).bearerToken(token),
        // HTTP headers only carry printable ASCII: the client itself refuses anything else.
        client.get('/api/v1/auth/me').bearerToken(/^[\x20-\x7e]+$/.test(value) ? value : 'bst_x'),
      ])
      for (const response of responses) {
        assert.isBelow(response.status(), 500, `${response.request.config.endpoint} with ${value}`)
        assert.isArray((response.body() as ErrorBody).errors)
      }
    }
    const { rows } = await Citizen.query().client.rawQuery(
      'select count(*)::int as total from citizens'
    )
    assert.isAbove(rows[0].total, 0)
  })

  test('the back-office keeps the framework’s own error rendering', async ({ client, assert }) => {
    const response = await client.get('/nulle-part-du-back-office').header('accept', 'text/html')
    response.assertStatus(404)
    assert.notProperty(response.body() ?? {}, 'errors')
    assert.notInclude(String(response.header('content-type')), 'application/json')
  })
})

test.group('API errors: the renderer', () => {
  test('an unknown failure is a 500 that shows its cause only outside production', async ({
    assert,
  }) => {
    const { renderApiError } = await import('#kernel/http/api_errors')
    const secret = new Error('connexion à postgres://admin:secret@db refusée')
    const hidden = renderApiError(secret, { exposeInternals: false })
    assert.equal(hidden.status, 500)
    assert.deepEqual(hidden.errors, [
      { code: 'E_INTERNAL_SERVER_ERROR', message: 'Erreur interne du serveur' },
    ])
    const shown = renderApiError(secret, { exposeInternals: true })
    assert.include(shown.errors[0].message, 'postgres://')
  })

  test('a DomainError keeps its code, status and field', async ({ assert }) => {
    const { renderApiError } = await import('#kernel/http/api_errors')
    const { DomainError, ForbiddenError } = await import('#kernel/http/errors')
    assert.deepEqual(
      renderApiError(new DomainError('E_BUDGET_CLOSED', 'Vote clos', 409, 'ballot'), {
        exposeInternals: false,
      }),
      {
        status: 409,
        errors: [{ code: 'E_BUDGET_CLOSED', message: 'Vote clos', field: 'ballot' }],
        headers: {},
      }
    )
    assert.equal(renderApiError(new ForbiddenError(), { exposeInternals: false }).status, 403)
  })
})
