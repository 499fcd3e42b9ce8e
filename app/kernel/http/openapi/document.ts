import env from '#start/env'
import { modules } from '#kernel/modules/registry'
import type { OpenApiDocument, OpenApiFragment } from '#kernel/http/openapi/types'

/**
 * The kernel's `openapi.ts` fragments, in the order their tags appear; modules add theirs
 * through their manifest (`openapi`), after the kernel's.
 */
const KERNEL_FRAGMENTS: (() => Promise<{ default: OpenApiFragment }>)[] = [
  () => import('#kernel/http/openapi/common'),
  () => import('#kernel/accounts/citizens/openapi'),
  () => import('#kernel/territories/openapi'),
  () => import('#kernel/media/openapi'),
  () => import('#kernel/modules/openapi'),
  () => import('#kernel/push/openapi'),
]

function allFragments() {
  return [
    ...KERNEL_FRAGMENTS,
    ...modules.flatMap((module) => (module.openapi ? [module.openapi] : [])),
  ]
}

const COMPONENT_KINDS = ['schemas', 'responses', 'parameters', 'headers'] as const

/**
 * Merges fragments into one document. A path+method or a component declared twice is a
 * mistake that would hide one of them: it throws, and the document test fails.
 */
export function mergeOpenApiFragments(
  fragments: OpenApiFragment[],
  serverUrl: string
): OpenApiDocument {
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: {
      title: 'Bastide — API citoyenne',
      version: '1.0.0',
      description: [
        'API JSON des applications citoyennes de Bastide.',
        '',
        '- Lecture publique ; écriture avec un compte (`Authorization: Bearer <jeton>`, voir `POST /api/v1/auth/login`).',
        '- Erreurs : `{ "errors": [{ "code", "message", "field"? }] }`, messages en français.',
        '- Listes paginées par curseur : `?limit=&cursor=`, réponse `{ data, meta: { next_cursor, limit } }`.',
        '- Lectures publiques : `Cache-Control` et `ETag` (réponse 304 sur `If-None-Match`).',
        '- Écritures limitées en débit : 429 avec `Retry-After`.',
      ].join('\n'),
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: serverUrl }],
    tags: [],
    paths: {},
    components: {
      schemas: {},
      responses: {},
      parameters: {},
      headers: {},
      securitySchemes: {
        citizenToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'Jeton d’accès obtenu par `POST /api/v1/auth/login`.',
        },
      },
    },
  }

  for (const fragment of fragments) {
    for (const [path, operations] of Object.entries(fragment.paths)) {
      const target = (document.paths[path] ??= {})
      for (const [method, operation] of Object.entries(operations)) {
        if (target[method])
          throw new Error(`OpenAPI: ${method.toUpperCase()} ${path} is documented twice`)
        target[method] = operation
      }
    }
    for (const kind of COMPONENT_KINDS) {
      for (const [name, component] of Object.entries(fragment.components?.[kind] ?? {})) {
        if (document.components[kind][name])
          throw new Error(`OpenAPI: component ${kind}.${name} is declared twice`)
        document.components[kind][name] = component
      }
    }
    for (const tag of fragment.tags ?? []) {
      if (!document.tags.some((known) => known.name === tag.name)) document.tags.push(tag)
    }
  }
  return document
}

let built: Promise<OpenApiDocument> | undefined

/** The document served at `/api/v1/openapi.json`, built once per process. */
export function openApiDocument(): Promise<OpenApiDocument> {
  built ??= Promise.all(allFragments().map((load) => load().then((module) => module.default))).then(
    (fragments) => mergeOpenApiFragments(fragments, new URL(env.get('APP_URL')).origin)
  )
  return built
}
