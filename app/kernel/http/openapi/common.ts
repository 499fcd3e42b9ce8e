/*
| Shared pieces of the OpenAPI document: the error format, pagination, the standard error
| responses and small helpers that keep each area's `openapi.ts` short.
*/
import type { OpenApiFragment, OpenApiObject } from '#kernel/http/openapi/types'
import { MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT, pageQueryValidator } from '#kernel/http/pagination'
import { vineQueryParameters } from '#kernel/http/openapi/vine_schema'

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

/** A JSON response body. */
export function json(schema: OpenApiObject, description: string): OpenApiObject {
  return { description, content: { 'application/json': { schema } } }
}

/** `{ data: <schema> }`: how every single resource is answered. */
export function data(schema: OpenApiObject): OpenApiObject {
  return {
    type: 'object',
    required: ['data'],
    additionalProperties: false,
    properties: { data: schema },
  }
}

/** `{ data: [<item>], meta: { next_cursor, limit } }`: every cursor-paginated listing. */
export function paginated(item: OpenApiObject): OpenApiObject {
  return {
    type: 'object',
    required: ['data', 'meta'],
    additionalProperties: false,
    properties: { data: { type: 'array', items: item }, meta: ref('PageMeta') },
  }
}

export const pageParameters = [
  { $ref: '#/components/parameters/Cursor' },
  { $ref: '#/components/parameters/Limit' },
]

const STANDARD_ERRORS = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'ValidationFailed',
  429: 'TooManyRequests',
  503: 'ServiceUnavailable',
} as const

export type ErrorStatus = keyof typeof STANDARD_ERRORS

/** References to the standard error responses, e.g. `...errors(401, 422)`. */
export function errors(...statuses: ErrorStatus[]): Record<string, OpenApiObject> {
  return Object.fromEntries(
    statuses.map((status) => [
      String(status),
      { $ref: `#/components/responses/${STANDARD_ERRORS[status]}` },
    ])
  )
}

/** The refusals any write of the API may meet: malformed JSON, body too large, rate limit. */
export const WRITE_ERRORS: ErrorStatus[] = [400, 413, 422, 429]

/** Security requirement of the routes that need a signed-in citizen. */
export const citizenSecurity = [{ citizenToken: [] }]

/** `?cursor=` and `?limit=` as the pagination validator checks them. */
function pageParameter(name: 'cursor' | 'limit', annotate: OpenApiObject) {
  return vineQueryParameters(pageQueryValidator, { [name]: annotate }).find(
    (parameter) => parameter.name === name
  )!
}

const errorResponse = (description: string, headers?: OpenApiObject): OpenApiObject => ({
  ...json(ref('Error'), description),
  ...(headers ? { headers } : {}),
})

const fragment: OpenApiFragment = {
  paths: {},
  components: {
    schemas: {
      Error: {
        type: 'object',
        description:
          'Toute erreur de l’API : une entrée par problème (par champ pour une validation).',
        required: ['errors'],
        additionalProperties: false,
        properties: {
          errors: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['code', 'message'],
              additionalProperties: false,
              properties: {
                code: {
                  type: 'string',
                  pattern: '^E_[A-Z0-9_]+$',
                  examples: ['E_VALIDATION_ERROR'],
                },
                message: {
                  type: 'string',
                  description: 'Message en français, lisible par la personne.',
                },
                field: { type: 'string', description: 'Le champ en cause (chemin pointé).' },
                rule: { type: 'string', description: 'La règle de validation non respectée.' },
              },
            },
          },
        },
      },
      PageMeta: {
        type: 'object',
        required: ['next_cursor', 'limit'],
        additionalProperties: false,
        properties: {
          next_cursor: {
            type: ['string', 'null'],
            description: 'À passer en `cursor` pour la page suivante ; null sur la dernière page.',
          },
          limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT },
        },
      },
    },
    parameters: {
      Cursor: pageParameter('cursor', {
        description: 'Curseur opaque renvoyé par la page précédente (`meta.next_cursor`).',
      }),
      Limit: pageParameter('limit', {
        description: `Nombre d’éléments par page (${DEFAULT_PAGE_LIMIT} par défaut).`,
        default: DEFAULT_PAGE_LIMIT,
      }),
    },
    headers: {
      RetryAfter: {
        description: 'Secondes à attendre avant de réessayer.',
        required: true,
        schema: { type: 'integer', minimum: 0 },
      },
    },
    responses: {
      BadRequest: errorResponse(
        'Requête mal formée : JSON ou encodage invalide, caractère nul, curseur invalide…'
      ),
      Unauthorized: errorResponse(
        'Jeton absent, invalide, expiré ou révoqué, ou identifiants incorrects'
      ),
      Forbidden: errorResponse('Action non autorisée'),
      NotFound: errorResponse('Ressource introuvable'),
      Conflict: errorResponse('Conflit avec l’état actuel'),
      PayloadTooLarge: errorResponse('Corps de requête trop volumineux (1 Mo pour du JSON)'),
      UnsupportedMediaType: errorResponse(
        'Content-Encoding du corps non pris en charge (gzip, deflate ou br attendus)'
      ),
      ValidationFailed: errorResponse('Données invalides : une erreur par champ'),
      TooManyRequests: errorResponse('Trop de requêtes', {
        'Retry-After': { $ref: '#/components/headers/RetryAfter' },
      }),
      ServiceUnavailable: errorResponse(
        'Service momentanément indisponible (`E_SERVICE_UNAVAILABLE`) : Redis, qui tient les limites de débit et la file des traitements, ne répond pas. Les lectures publiques continuent ; réessayer après `Retry-After` secondes.',
        { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } }
      ),
    },
  },
}

export default fragment
