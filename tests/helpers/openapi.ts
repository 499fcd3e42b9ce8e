/*
| Holds real responses to the OpenAPI document: `await assertMatchesOpenApi(response)` finds the
| documented operation (method + path), then checks the status is documented, the body matches
| its JSON Schema (ajv, draft 2020-12 as OpenAPI 3.1 uses) and the required headers are there.
| Every area's functional tests use it for their API responses.
*/
import { AssertionError } from 'node:assert'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import type { ApiResponse } from '@japa/api-client'
import { openApiDocument } from '#kernel/http/openapi/document'
import type { OpenApiDocument, OpenApiObject } from '#kernel/http/openapi/types'

const DOCUMENT_ID = 'https://bastide.local/openapi.json'
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020

let compiled: Promise<{ document: OpenApiDocument; ajv: Ajv2020 }> | undefined

function load() {
  compiled ??= openApiDocument().then((document) => {
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false })
    addFormats(ajv)
    ajv.addSchema(document as unknown as OpenApiObject, DOCUMENT_ID)
    return { document, ajv }
  })
  return compiled
}

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1')

/** The documented path template that a concrete path matches (`/a/{code}` for `/a/32013`). */
export function findDocumentedPath(document: OpenApiDocument, path: string): string | undefined {
  if (document.paths[path]) return path
  return Object.keys(document.paths).find((template) => {
    const pattern = template
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+')
    return new RegExp(`^${pattern}$`).test(path)
  })
}

function fail(message: string, details?: unknown): never {
  throw new AssertionError({
    message: details === undefined ? message : `${message}\n${JSON.stringify(details, null, 2)}`,
  })
}

/** Follows one local `$ref` (`#/components/...`), returning the target and its JSON pointer. */
function resolve(document: OpenApiDocument, value: OpenApiObject, pointer: string) {
  const target = value.$ref
  if (typeof target !== 'string') return { value, pointer }
  const resolved = target
    .slice(2)
    .split('/')
    .reduce<any>((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document)
  if (!resolved) fail(`OpenAPI: unresolved reference ${target}`)
  return { value: resolved as OpenApiObject, pointer: target.slice(1) }
}

export async function assertMatchesOpenApi(
  response: ApiResponse,
  options: { method?: string; path?: string } = {}
) {
  const { document, ajv } = await load()
  const method = (options.method ?? response.request.config.method).toLowerCase()
  const path = new URL(options.path ?? response.request.config.endpoint, 'http://localhost')
    .pathname
  const status = String(response.status())

  const template = findDocumentedPath(document, path)
  const operation = template
    ? (document.paths[template][method] as OpenApiObject | undefined)
    : undefined
  if (!template || !operation) fail(`OpenAPI: ${method.toUpperCase()} ${path} is not documented`)

  const responses = operation.responses as Record<string, OpenApiObject>
  const key = [status, `${status[0]}XX`, 'default'].find((candidate) => responses[candidate])
  if (!key) {
    fail(
      `OpenAPI: status ${status} is not documented for ${method.toUpperCase()} ${template}`,
      response.body()
    )
  }
  const documented = resolve(
    document,
    responses[key],
    `/paths/${escapePointer(template)}/${method}/responses/${escapePointer(key)}`
  )

  for (const [name, header] of Object.entries(
    (documented.value.headers ?? {}) as Record<string, OpenApiObject>
  )) {
    const { value } = resolve(document, header, '')
    if (value.required && response.header(name.toLowerCase()) === undefined) {
      fail(
        `OpenAPI: header ${name} is required on ${status} of ${method.toUpperCase()} ${template}`
      )
    }
  }

  const content = documented.value.content as Record<string, OpenApiObject> | undefined
  if (!content) {
    if (response.text())
      fail(
        `OpenAPI: ${status} of ${method.toUpperCase()} ${template} documents no body`,
        response.text()
      )
    return
  }
  // The documented media type the response was sent as (GeoJSON beside JSON), else JSON.
  const sent = String(response.header('content-type') ?? '')
    .split(';')[0]
    .trim()
  const mediaType = sent !== 'application/json' && content[sent] ? sent : 'application/json'
  if (!content[mediaType]) return

  if (!sent.includes('json')) {
    fail(
      `OpenAPI: ${status} of ${method.toUpperCase()} ${template} must be JSON, got ${response.header('content-type')}`
    )
  }
  const validate = ajv.getSchema(
    `${DOCUMENT_ID}#${documented.pointer}/content/${escapePointer(mediaType)}/schema`
  )
  if (!validate) fail(`OpenAPI: no schema compiled for ${documented.pointer}`)
  if (!validate(response.body())) {
    fail(
      `OpenAPI: the ${status} body of ${method.toUpperCase()} ${template} does not match its schema`,
      {
        errors: validate.errors,
        body: response.body(),
      }
    )
  }
}
