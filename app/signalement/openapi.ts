/*
| OpenAPI fragment of the signalement citizen API (Open311 is described by its own standard).
*/
import type { OpenApiFragment, OpenApiObject } from '#kernel/http/openapi/types'
import {
  citizenSecurity,
  data,
  errors,
  json,
  pageParameters,
  paginated,
  ref,
  WRITE_ERRORS,
} from '#kernel/http/openapi/common'
import { REPORT_LIMITS, REPORT_STATUSES } from '#signalement/vocabulary'

const query = (name: string, schema: OpenApiObject, required = false, description?: string) => ({
  name,
  in: 'query',
  required,
  schema,
  ...(description ? { description } : {}),
})
const path = (name: string, schema: OpenApiObject) => ({ name, in: 'path', required: true, schema })
const idParam = path('id', { type: 'integer', minimum: 1 })
const nullable = (schema: OpenApiObject) => ({ oneOf: [schema, { type: 'null' }] })
const dateTime = { type: 'string', format: 'date-time' }
const moderationSchema = { type: 'string', enum: ['pending', 'published', 'hidden'] }

const reportProperties: Record<string, OpenApiObject> = {
  id: { type: 'integer' },
  category: {
    type: 'object',
    required: ['code', 'label'],
    additionalProperties: false,
    properties: { code: { type: 'string' }, label: { type: 'string' } },
  },
  status: { type: 'string', enum: [...REPORT_STATUSES] },
  status_label: { type: 'string' },
  description: { type: 'string' },
  address: nullable({ type: 'string' }),
  commune: {
    type: 'object',
    required: ['code', 'name'],
    additionalProperties: false,
    properties: { code: { type: 'string' }, name: { type: 'string' } },
  },
  photos: { type: 'array', items: ref('ReportMedia') },
  video: nullable(ref('ReportMedia')),
  supports_count: { type: 'integer' },
  public_message: nullable({ type: 'string' }),
  created_at: dateTime,
  acknowledged_at: nullable(dateTime),
  resolved_at: nullable(dateTime),
}
const positionSchema = {
  type: 'object',
  required: ['lat', 'lng'],
  additionalProperties: false,
  properties: { lat: { type: 'number' }, lng: { type: 'number' } },
}
const reportSchema = (extra: Record<string, OpenApiObject> = {}): OpenApiObject => ({
  type: 'object',
  required: [...Object.keys(reportProperties), 'position', ...Object.keys(extra)],
  additionalProperties: false,
  properties: { ...reportProperties, position: positionSchema, ...extra },
})

/** A citizen's one-time gesture on a report ("me too", flag): 201 with the new counts, 409 twice. */
function oncePerCitizen(
  operationId: string,
  summary: string,
  properties: Record<string, OpenApiObject>,
  description: string
) {
  return {
    post: {
      operationId,
      summary,
      tags: ['Signalements'],
      security: citizenSecurity,
      parameters: [idParam],
      responses: {
        201: json(
          data({ type: 'object', required: Object.keys(properties), properties }),
          description
        ),
        ...errors(401, 404, 409, ...WRITE_ERRORS),
      },
    },
  }
}

const fragment: OpenApiFragment = {
  paths: {
    '/api/v1/reports': {
      post: {
        operationId: 'createReport',
        summary: 'Signaler un incident',
        description: `Routé vers la collectivité qui traite la catégorie là où se trouve le point. Au plus ${REPORT_LIMITS.photos} photos et ${REPORT_LIMITS.videos} vidéo du citoyen, prêtes ; description d’au plus ${REPORT_LIMITS.descriptionMaxLength} caractères.`,
        tags: ['Signalements'],
        security: citizenSecurity,
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['category', 'description', 'position'],
                properties: {
                  category: { type: 'string' },
                  description: { type: 'string', maxLength: REPORT_LIMITS.descriptionMaxLength },
                  position: positionSchema,
                  address: { type: 'string', maxLength: 500 },
                  media_ids: { type: 'array', items: { type: 'integer' }, maxItems: 6 },
                  anonymous: { type: 'boolean', description: 'Nom caché au public' },
                },
              },
            },
          },
        },
        responses: {
          201: json(data(ref('OwnReport')), 'Signalement déposé'),
          ...errors(401, ...WRITE_ERRORS),
        },
      },
    },
    '/api/v1/reports/nearby': {
      get: {
        operationId: 'nearbyReports',
        summary: `Signalements ouverts à moins de ${REPORT_LIMITS.nearbyMetres} m (avant de créer un doublon)`,
        tags: ['Signalements'],
        parameters: [
          query('lat', { type: 'number' }, true),
          query('lng', { type: 'number' }, true),
          query('category', { type: 'string' }),
        ],
        responses: {
          200: json(
            {
              type: 'object',
              required: ['data'],
              additionalProperties: false,
              properties: {
                data: { type: 'array', items: reportSchema({ distance_m: { type: 'integer' } }) },
              },
            },
            'Signalements proches, du plus près au plus loin'
          ),
          ...errors(422),
        },
      },
    },
    '/api/v1/reports/{id}': {
      get: {
        operationId: 'showReport',
        summary: 'Un signalement (champs publics)',
        tags: ['Signalements'],
        parameters: [idParam],
        responses: { 200: json(data(ref('OwnReport')), 'Signalement'), ...errors(404, 422) },
      },
    },
    '/api/v1/reports/{id}/support': oncePerCitizen(
      'supportReport',
      '« Moi aussi » (une fois par citoyen)',
      { supports_count: { type: 'integer' } },
      'Soutien enregistré'
    ),
    '/api/v1/reports/{id}/flag': oncePerCitizen(
      'flagReport',
      'Signaler un contenu inapproprié (une fois par citoyen)',
      { flags_count: { type: 'integer' }, hidden: { type: 'boolean' } },
      'Signalement enregistré'
    ),
    '/api/v1/me/reports': {
      get: {
        operationId: 'myReports',
        summary: 'Mes signalements',
        tags: ['Signalements'],
        security: citizenSecurity,
        parameters: pageParameters,
        responses: {
          200: json(
            paginated(
              reportSchema({
                moderation: moderationSchema,
              })
            ),
            'Mes signalements, du plus récent au plus ancien'
          ),
          ...errors(400, 401, 422),
        },
      },
    },
    '/api/v1/me/reports/{id}': {
      get: {
        operationId: 'myReport',
        summary: 'Un de mes signalements, avec son historique public',
        description:
          'Quel que soit son état de modération. Le signalement d’un autre citoyen répond 404 comme un numéro inconnu.',
        tags: ['Signalements'],
        security: citizenSecurity,
        parameters: [idParam],
        responses: {
          200: json(data(ref('MyReport')), 'Mon signalement'),
          ...errors(401, 404, 422),
        },
      },
    },
    '/api/v1/collectivities/{code}/reports': {
      get: {
        operationId: 'territoryReports',
        summary: 'Carte publique des signalements (modérés) d’un territoire',
        tags: ['Signalements'],
        parameters: [
          path('code', { type: 'string' }),
          query('format', { type: 'string', enum: ['json', 'geojson'] }),
          query('bbox', { type: 'string' }, false, '`lng min,lat min,lng max,lat max`'),
          ...pageParameters,
        ],
        responses: {
          200: {
            description: 'Signalements publiés, du plus récent au plus ancien',
            content: {
              'application/json': { schema: paginated(reportSchema()) },
              'application/geo+json': { schema: ref('ReportFeatureCollection') },
            },
          },
          ...errors(400, 404, 422),
        },
      },
    },
  },
  components: {
    schemas: {
      ReportMedia: {
        type: 'object',
        required: ['id', 'variants'],
        additionalProperties: false,
        properties: {
          id: { type: 'integer' },
          variants: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'url', 'mime', 'width', 'height'],
              additionalProperties: false,
              properties: {
                name: { type: 'string' },
                url: { type: 'string', format: 'uri' },
                mime: { type: 'string' },
                width: { type: 'integer' },
                height: { type: 'integer' },
              },
            },
          },
        },
      },
      OwnReport: reportSchema({ merged_into: nullable({ type: 'integer' }) }),
      MyReport: reportSchema({
        moderation: moderationSchema,
        merged_into: nullable({ type: 'integer' }),
        history: { type: 'array', items: ref('ReportStep') },
      }),
      ReportStep: {
        type: 'object',
        description: 'Une étape annoncée au citoyen (jamais de note interne ni de nom d’agent)',
        required: ['kind', 'status', 'status_label', 'public_message', 'at'],
        additionalProperties: false,
        properties: {
          kind: { type: 'string' },
          status: nullable({ type: 'string', enum: [...REPORT_STATUSES] }),
          status_label: nullable({ type: 'string' }),
          public_message: nullable({ type: 'string' }),
          at: dateTime,
        },
      },
      ReportFeatureCollection: {
        type: 'object',
        required: ['type', 'features', 'meta'],
        properties: {
          type: { const: 'FeatureCollection' },
          meta: ref('PageMeta'),
          features: {
            type: 'array',
            items: {
              type: 'object',
              required: ['type', 'id', 'geometry', 'properties'],
              properties: {
                type: { const: 'Feature' },
                id: { type: 'integer' },
                geometry: {
                  type: 'object',
                  required: ['type', 'coordinates'],
                  properties: {
                    type: { const: 'Point' },
                    coordinates: {
                      type: 'array',
                      items: { type: 'number' },
                      minItems: 2,
                      maxItems: 2,
                    },
                  },
                },
                properties: {
                  type: 'object',
                  required: Object.keys(reportProperties),
                  additionalProperties: false,
                  properties: reportProperties,
                },
              },
            },
          },
        },
      },
    },
  },
}

export default fragment
