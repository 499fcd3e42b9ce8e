/*
| Property-based: for every operation of the served OpenAPI document (so routes a module adds
| later are walked too), fast-check sends generated bad values to its path params, its query
| params and its body, and asserts the server never answers 5xx and always answers an error in
| the documented format, with a status the operation documents. Raw `fetch` keeps full control
| of bytes (NUL, bad gzip, broken JSON) that a friendlier client would refuse to send.
*/
import { gzipSync } from 'node:zlib'
import { test } from '@japa/runner'
import fc from 'fast-check'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import { allFeatures } from '#kernel/modules/registry'
import SaveNews from '#info/actions/save_news'
import SaveEvent from '#info/actions/save_event'
import SavePlace from '#info/actions/save_place'
import SaveContact from '#info/actions/save_contact'
import PublishContent from '#info/actions/publish_content'
import { smallGers } from '#tests/fixtures/info/territory'
import { citizenWithToken } from '#tests/helpers/citizens'
import { resetRateLimits } from '#tests/helpers/rate_limits'
import { findDocumentedPath } from '#tests/helpers/openapi'
import type { OpenApiDocument, OpenApiObject } from '#kernel/http/openapi/types'

const BASE = `http://${env.get('HOST')}:${env.get('PORT')}`
const RUNS_PER_TARGET = Number(process.env.FUZZ_RUNS ?? 12)

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  schema?: OpenApiObject
}

interface Operation {
  method: string
  template: string
  parameters: Parameter[]
  body?: { contentType: string; schema: OpenApiObject }
  responses: Record<string, unknown>
}

function resolve<T>(document: OpenApiDocument, value: any): T {
  if (!value || typeof value.$ref !== 'string') return value
  return (value.$ref as string)
    .slice(2)
    .split('/')
    .reduce<any>((node, key) => node?.[key], document) as T
}

function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = []
  for (const [template, item] of Object.entries(document.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const operation = raw as any
      const parameters = [...((item as any).parameters ?? []), ...(operation.parameters ?? [])]
        .map((parameter) => resolve<Parameter>(document, parameter))
        .filter((parameter) => parameter.in !== 'header')
      const content = resolve<any>(document, operation.requestBody)?.content ?? {}
      const contentType = Object.keys(content)[0]
      operations.push({
        method: method.toUpperCase(),
        template,
        parameters,
        body: contentType ? { contentType, schema: content[contentType].schema ?? {} } : undefined,
        responses: operation.responses ?? {},
      })
    }
  }
  // Writes that end the citizen's session or account go last, so the others keep their token.
  const ending = (operation: Operation) =>
    /\/auth\/logout$|^\/api\/v1\/me$/.test(operation.template) && operation.method !== 'GET'
  return operations.sort((a, b) => Number(ending(a)) - Number(ending(b)))
}

function reachedOperation(document: OpenApiDocument, method: string, path: string) {
  const pathname = new URL(path, BASE).pathname.replace(/(.)\/+$/, '$1')
  const template = findDocumentedPath(document, pathname)
  const operation = template ? document.paths[template][method.toLowerCase()] : undefined
  return operation as { responses: Record<string, unknown> } | undefined
}

/** Values that have broken servers: NUL bytes, out-of-range numbers, wrong types, odd text. */
const hostileText = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '99999999999',
    '2147483648',
    '9223372036854775808',
    '-1',
    '0',
    '1e309',
    'NaN',
    '',
    '[]',
    '{}',
    'null',
    "'; select pg_sleep(1); --",
    '\ud800',
    'x'.repeat(3000),
    '2026-13-45',
    '2026-01-01T10:00+99:99',
    '2026-03-29T02:30',
    '43.6,0.58,1',
    '0.58,43.6',
    ',,,'
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  fc.double().map(String)
)

const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(Number),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(hostileText, hostileText, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 2 })
)

function forgedCursor(listings: string[]) {
  return fc
    .tuple(
      fc.constantFrom(...listings, 'info.unknown'),
      fc.oneof(hostileJson, fc.constant('1|2026-99-99T00:00:00Z')),
      fc.oneof(
        fc.constantFrom(2 ** 31, 2 ** 53, -1, 0, 1.5),
        fc.bigInt({ min: 0n, max: 2n ** 64n }).map(Number),
        hostileJson
      )
    )
    .map((parts) => Buffer.from(JSON.stringify(parts)).toString('base64url'))
}

/** Percent-encodes the UTF-8 bytes (a lone surrogate becomes U+FFFD); commas stay raw. */
const encode = (value: string) =>
  [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[\w.~,-]/.test(String.fromCharCode(byte)) && byte < 128
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
    )
    .join('')

/** Percent-escapes that are themselves malformed or decode to invalid UTF-8. */
const badEscapes = fc.constantFrom('%', '%ZZ', '%E0%A4%A', '%ED%A0%80', '%C0%AF', '%FF%FE')

/** `name=value`, `name[]=a&name[]=b` or `name[key]=value`: a parameter in every wrong shape. */
function queryPart(name: string, value: fc.Arbitrary<string>) {
  return fc.oneof(
    value.map((text) => `${encode(name)}=${encode(text)}`),
    fc
      .array(value, { minLength: 2, maxLength: 3 })
      .map((texts) => texts.map((text) => `${encode(name)}[]=${encode(text)}`).join('&')),
    fc
      .tuple(hostileText, value)
      .map(([key, text]) => `${encode(name)}[${encode(key)}]=${encode(text)}`),
    badEscapes.map((escape) => `${encode(name)}=${escape}`)
  )
}

interface Attempt {
  path: string
  query: string
  headers: Record<string, string>
  body?: Buffer
}

function bodyOf(operation: Operation) {
  const properties = Object.keys((operation.body?.schema.properties as object) ?? {})
  const jsonObject = fc
    .record({
      known: fc.dictionary(fc.constantFrom(...properties, 'extra'), hostileJson, { maxKeys: 4 }),
      unknown: fc.dictionary(hostileText, hostileJson, { maxKeys: 2 }),
    })
    .map(({ known, unknown }) => JSON.stringify({ ...unknown, ...known }))
  const json = { 'content-type': 'application/json' }
  return fc.oneof(
    jsonObject.map((text) => ({ headers: json, body: Buffer.from(text) })),
    fc
      .oneof(
        fc.constantFrom('{"a":', '[', '{"a":"\\u0000"}', '"texte"', '42', 'null', '{a:1}'),
        fc.string({ maxLength: 40 })
      )
      .map((text) => ({ headers: json, body: Buffer.from(text) })),
    fc
      .tuple(fc.constantFrom('gzip', 'deflate', 'br'), fc.uint8Array({ maxLength: 64 }))
      .map(([encoding, bytes]) => ({
        headers: { ...json, 'content-encoding': encoding },
        body: Buffer.from(bytes),
      })),
    jsonObject.map((text) => ({
      headers: { ...json, 'content-encoding': 'gzip' },
      body: gzipSync(text).subarray(0, 12),
    })),
    fc.constantFrom('compress', 'identity, zstd', 'x-bastide').map((encoding) => ({
      headers: { ...json, 'content-encoding': encoding },
      body: Buffer.from('{}'),
    })),
    fc
      .tuple(
        fc.constantFrom(operation.body!.contentType, 'text/plain', 'application/xml'),
        hostileText
      )
      .map(([type, text]) => ({ headers: { 'content-type': type }, body: Buffer.from(text) }))
  )
}

function attempts(operation: Operation, validPath: Record<string, string>, listings: string[]) {
  const pathParams = operation.parameters.filter((parameter) => parameter.in === 'path')
  const queryParams = operation.parameters.filter((parameter) => parameter.in === 'query')
  const fill = (overrides: Record<string, string>) =>
    operation.template.replace(/\{([^}]+)\}/g, (_, name: string) =>
      name in overrides ? encode(overrides[name]) : (validPath[name] ?? '1')
    )
  const targets: fc.Arbitrary<Attempt>[] = []
  if (pathParams.length) {
    targets.push(
      fc
        .tuple(fc.constantFrom(...pathParams.map((parameter) => parameter.name)), hostileText)
        .map(([name, value]) => ({ path: fill({ [name]: value }), query: '', headers: {} })),
      badEscapes.map((escape) => ({
        path: operation.template.replace(/\{[^}]+\}/, escape).replace(/\{([^}]+)\}/g, '1'),
        query: '',
        headers: {},
      }))
    )
  }
  if (queryParams.length) {
    const part = (parameter: Parameter) =>
      queryPart(
        parameter.name,
        parameter.name === 'cursor' ? fc.oneof(forgedCursor(listings), hostileText) : hostileText
      )
    targets.push(
      fc
        .subarray(queryParams, { minLength: 1 })
        .chain((chosen) => fc.tuple(...chosen.map(part)))
        .map((parts) => ({ path: fill({}), query: parts.join('&'), headers: {} }))
    )
  }
  if (operation.body) {
    targets.push(bodyOf(operation).map((body) => ({ path: fill({}), query: '', ...body })))
  }
  return targets
}

test.group('API fuzzing from the OpenAPI document: no input reaches a 500', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.timeout(180_000)

  test('every operation, its path params, query params and body', async ({ assert }) => {
    const modules = Object.fromEntries(
      allFeatures().map((feature) => [feature.key, { enabled: true, settings: {} }])
    )
    const { auch } = await smallGers(modules)
    const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' })
    for (const title of ['Conseil municipal', 'Travaux']) {
      const news = await new SaveNews().handle(auch.id, { title, body: `<p>${title}</p>` })
      await new PublishContent().handle({ type: 'news', id: news.id })
      const event = await new SaveEvent().handle(auch.id, {
        title,
        startsAt: paris('2031-07-14T20:30'),
        endsAt: paris('2031-07-14T23:30'),
      })
      await new PublishContent().handle({ type: 'event', id: event.id })
      const place = await new SavePlace().handle(auch.id, {
        category: 'market',
        name: title,
        lat: 43.64,
        lng: 0.58,
      })
      await new PublishContent().handle({ type: 'place', id: place.id })
      const contact = await new SaveContact().handle(auch.id, {
        name: title,
        theme: 'sante',
        phone: '05 62 00 00 00',
      })
      await new PublishContent().handle({ type: 'contact', id: contact.id })
    }
    const { token } = await citizenWithToken()

    const served = await fetch(`${BASE}/api/v1/openapi.json`)
    const document = (await served.json()) as OpenApiDocument
    const ajv = new Ajv2020({ strict: false, allErrors: true })
    const matchesErrorFormat = ajv.compile(document.components.schemas.Error)
    const operations = operationsOf(document)
    assert.isAbove(operations.length, 20)

    // Real cursors name the real listings: forged ones then reach each listing's decoder.
    const validPath = { code: auch.code, id: '1' }
    const listings = new Set<string>()
    for (const operation of operations.filter((candidate) => candidate.method === 'GET')) {
      if (!operation.parameters.some((parameter) => parameter.name === 'cursor')) continue
      const path = operation.template.replace(
        /\{([^}]+)\}/g,
        (_, name) => validPath[name as 'code']
      )
      const response = await fetch(`${BASE}${path}?limit=1`, {
        headers: { authorization: `Bearer ${token}` },
      })
      const cursor = ((await response.json()) as any).meta?.next_cursor
      if (cursor) listings.add(JSON.parse(Buffer.from(cursor, 'base64url').toString())[0])
    }
    assert.includeMembers([...listings], ['info.news', 'info.events', 'info.places', 'info.feed'])

    let sent = 0
    for (const operation of operations) {
      for (const target of attempts(operation, validPath, [...listings])) {
        await fc.assert(
          fc.asyncProperty(target, fc.boolean(), async (attempt, signedIn) => {
            await resetRateLimits()
            const response = await fetch(
              `${BASE}${attempt.path}${attempt.query ? `?${attempt.query}` : ''}`,
              {
                method: operation.method,
                headers: {
                  ...attempt.headers,
                  ...(signedIn ? { authorization: `Bearer ${token}` } : {}),
                },
                body: attempt.body,
              }
            )
            sent++
            const status = response.status
            const text = await response.text()
            const where = `${operation.method} ${attempt.path}?${attempt.query} → ${status} ${text.slice(0, 300)}`
            assert.isBelow(status, 500, where)
            if (status < 400) return
            // A hostile path param ('' or '../x') may land on another operation: hold the
            // answer to the operation the server actually matched, if any.
            const reached = reachedOperation(document, operation.method, attempt.path)
            if (reached) {
              const documented = [String(status), `${String(status)[0]}XX`, 'default']
              assert.isTrue(
                documented.some((key) => key in reached.responses),
                `undocumented status: ${where}`
              )
            }
            assert.isTrue(matchesErrorFormat(JSON.parse(text)), `error format: ${where}`)
          }),
          { numRuns: RUNS_PER_TARGET, endOnFailure: true }
        )
      }
    }
    assert.isAbove(sent, operations.length * 2)
  })
})
