import { test } from '@japa/runner'
import { registerCitizenValidator } from '#kernel/accounts/citizens/validators'
import { vineSchema } from '#kernel/http/openapi/vine_schema'
import { Validator } from '@seriousme/openapi-schema-validator'
import testUtils from '@adonisjs/core/services/test_utils'
import { mergeOpenApiFragments, openApiDocument } from '#kernel/http/openapi/document'
import { assertMatchesOpenApi, findDocumentedPath } from '#tests/helpers/openapi'
import { citizenWithToken } from '#tests/helpers/citizens'

test.group('OpenAPI document', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the served document is valid OpenAPI 3.1', async ({ client, assert }) => {
    const response = await client.get('/api/v1/openapi.json')
    response.assertStatus(200)
    const document = response.body()
    assert.equal(document.openapi, '3.1.0')

    const result = await new Validator().validate(document)
    assert.isTrue(result.valid, JSON.stringify(result.errors, null, 2))
  })

  test('every operation has a unique operationId, a summary and its error responses', async ({
    assert,
  }) => {
    const document = await openApiDocument()
    const ids: string[] = []
    for (const [path, operations] of Object.entries(document.paths)) {
      assert.match(path, /^\/(api\/v1|open311)\//)
      for (const [method, operation] of Object.entries(operations)) {
        const { operationId, summary, responses, security } = operation as Record<string, any>
        assert.isString(operationId, `${method} ${path}`)
        assert.isString(summary, `${method} ${path}`)
        ids.push(operationId)
        // `security: []` declares a public operation.
        if (security?.length)
          assert.property(responses, '401', `${method} ${path} needs a token: document 401`)
        if (method !== 'get') {
          assert.property(responses, '429', `${method} ${path} is rate-limited: document 429`)
          assert.deepEqual(
            responses['503'],
            { $ref: '#/components/responses/ServiceUnavailable' },
            `${method} ${path} meets Redis: document the outage's 503`
          )
        } else {
          // A read may have a 503 of its own (push switched off), never the outage's.
          assert.notDeepEqual(
            responses['503'],
            { $ref: '#/components/responses/ServiceUnavailable' },
            `${method} ${path}: public reads survive an outage`
          )
        }
      }
    }
    assert.lengthOf(new Set(ids), ids.length)
    assert.includeMembers(Object.keys(document.paths), [
      '/api/v1/auth/login',
      '/api/v1/collectivities',
    ])
  })

  test('request bodies and query parameters are the validators’ own JSON Schema', async ({
    assert,
  }) => {
    const document = await openApiDocument()
    const register = (document.paths['/api/v1/auth/register'].post as any).requestBody.content[
      'application/json'
    ].schema
    const fromValidator = registerCitizenValidator.toJSONSchema() as any
    assert.deepEqual(register.required, fromValidator.required)
    assert.deepEqual(register.properties.display_name, fromValidator.properties.display_name)
    assert.equal(
      register.properties.password.minLength,
      fromValidator.properties.password.minLength
    )
    const places = (document.paths['/api/v1/collectivities/{code}/places'].get as any).parameters
    const radius = places.find((parameter: any) => parameter.name === 'radius')
    assert.include(radius.schema, { minimum: 1, maximum: 50_000 })
    assert.throws(
      () => vineSchema(registerCitizenValidator, { nickname: { description: 'x' } }),
      'OpenAPI: the validator has no field "nickname"'
    )
  })

  test('a path or component declared twice is refused', ({ assert }) => {
    const fragment = {
      paths: { '/api/v1/x': { get: { responses: {} } } },
      components: { schemas: { X: {} } },
    }
    assert.throws(
      () => mergeOpenApiFragments([fragment, fragment], 'http://localhost'),
      /documented twice/
    )
    assert.throws(
      () =>
        mergeOpenApiFragments(
          [fragment, { paths: {}, components: fragment.components }],
          'http://localhost'
        ),
      /declared twice/
    )
  })

  test('the helper finds templated paths', async ({ assert }) => {
    const document = await openApiDocument()
    assert.equal(
      findDocumentedPath(document, '/api/v1/collectivities/32013'),
      '/api/v1/collectivities/{code}'
    )
    assert.equal(findDocumentedPath(document, '/api/v1/auth/me'), '/api/v1/auth/me')
    assert.isUndefined(findDocumentedPath(document, '/api/v1/auth/me/extra'))
  })

  test('the helper rejects a body that breaks the schema or an undocumented status', async ({
    client,
    assert,
  }) => {
    const { token } = await citizenWithToken()
    const me = await client.get('/api/v1/auth/me').bearerToken(token)
    await assertMatchesOpenApi(me)
    // The same body checked against another operation's schema must fail.
    await assert.rejects(
      () => assertMatchesOpenApi(me, { method: 'GET', path: '/api/v1/auth/sessions' }),
      /does not match its schema/
    )
    await assert.rejects(
      () => assertMatchesOpenApi(me, { method: 'GET', path: '/api/v1/nulle-part' }),
      /is not documented/
    )
    const conflict = await client.get('/api/v1/auth/me')
    await assert.rejects(
      () => assertMatchesOpenApi(conflict, { method: 'GET', path: '/api/v1/openapi-inexistant' }),
      /is not documented/
    )
  })

  test('the docs page and its bundle are served from this server, no CDN', async ({
    client,
    assert,
  }) => {
    const page = await client.get('/api/v1/docs')
    page.assertStatus(200)
    assert.include(String(page.header('content-type')), 'text/html')
    assert.include(page.text(), '/api/v1/docs/scalar.js')
    assert.include(page.text(), '/api/v1/openapi.json')
    assert.notMatch(page.text(), /https?:\/\/(cdn|unpkg|jsdelivr)/)

    const bundle = await client.get('/api/v1/docs/scalar.js')
    bundle.assertStatus(200)
    assert.include(String(bundle.header('content-type')), 'javascript')
    assert.equal(bundle.header('cache-control'), 'public, max-age=86400')
    assert.include(bundle.text(), 'createApiReference')
  })
})
