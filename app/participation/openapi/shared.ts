import type { OpenApiObject } from '#kernel/http/openapi/types'
import {
  citizenSecurity,
  data,
  errors,
  json,
  pageParameters,
  paginated,
} from '#kernel/http/openapi/common'

/** Pieces the participation fragments share (polls, consultations, budgets). */
export const tags = ['Participation']
export const dateTime = { type: 'string', format: 'date-time' }
export const integer = { type: 'integer', minimum: 1 }
export const text = { type: ['string', 'null'] }

export const codeParameter = {
  name: 'code',
  in: 'path',
  required: true,
  description: 'Code officiel de la collectivité (INSEE ou SIREN).',
  schema: { type: 'string', minLength: 1, maxLength: 16 },
}
export const pathId = (name: string, description?: string) => ({
  name,
  in: 'path',
  required: true,
  ...(description ? { description } : {}),
  schema: integer,
})
export const stateParameter = {
  name: 'state',
  in: 'query',
  required: false,
  description: '`open` : en cours ; `closed` : clos. Par défaut, les deux.',
  schema: { type: 'string', enum: ['open', 'closed'] },
}

const kind = { type: 'string', enum: ['departement', 'epci', 'commune'] }
/** The authority an item comes from, as the citizen audience (info module) describes it. */
export const authority = { $ref: '#/components/schemas/InfoAuthority' }

/** What every listed item says of itself (ParticipationItem schema). */
export const itemProperties = {
  id: { type: 'integer' },
  title: { type: 'string' },
  description: text,
  state: { type: 'string', enum: ['upcoming', 'open', 'closed'] },
  opens_at: { ...dateTime, description: 'Ouverture (heure de Paris).' },
  closes_at: { ...dateTime, description: 'Clôture, exclue (heure de Paris).' },
  audience: {
    type: 'string',
    enum: ['residents', 'verified'],
    description:
      '`residents` : habitants de la collectivité (commune de résidence en son sein) ; `verified` : tout compte à l’adresse vérifiée.',
  },
  results_visibility: { type: 'string', enum: ['live', 'after_close', 'never'] },
  results_available: { type: 'boolean', description: 'Les résultats sont publics maintenant.' },
  origin: kind,
  authority,
}
export const itemRequired = Object.keys(itemProperties)

export const count = {
  type: 'object',
  required: ['id', 'label', 'count', 'percentage'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer' },
    label: { type: 'string' },
    count: { type: 'integer', minimum: 0 },
    percentage: { type: 'number', description: 'En % des réponses, à 0,1 près.' },
  },
}

/** A citizen write: 401 without a token, 403 outside the audience, 404, 409 outside the window. */
export function citizenWrite(ok: OpenApiObject, status: 200 | 201) {
  return { [status]: ok, ...errors(400, 401, 403, 404, 409, 413, 422, 429) }
}

/** The words of one operation: its id, its summary, what its success response is. */
interface OperationWords {
  operationId: string
  summary: string
  response: string
  description?: string
}

/**
 * The paths polls and consultations share, alike but for their words: the authority's list,
 * one item, answering it (one answer per citizen), reading and changing one's own answer.
 */
export function itemPaths(item: {
  /** `polls` or `consultations`, as in the URLs. */
  collection: string
  /** The answers' segment: `answers` or `submissions`. */
  answers: string
  schema: string
  answerSchema: string
  answerBody: OpenApiObject
  list: OperationWords
  show: OperationWords
  submit: OperationWords
  showAnswer: OperationWords
  change: OperationWords
}) {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
  const operation = (words: OperationWords) => ({
    tags,
    operationId: words.operationId,
    summary: words.summary,
    ...(words.description ? { description: words.description } : {}),
  })
  const own = { security: citizenSecurity, parameters: [pathId('id'), pathId('answerId')] }
  return {
    [`/api/v1/collectivities/{code}/${item.collection}`]: {
      get: {
        ...operation(item.list),
        parameters: [codeParameter, stateParameter, ...pageParameters],
        responses: {
          200: json(paginated(ref('ParticipationItem')), item.list.response),
          ...errors(400, 404, 422),
        },
      },
    },
    [`/api/v1/collectivities/{code}/${item.collection}/{id}`]: {
      get: {
        ...operation(item.show),
        parameters: [codeParameter, pathId('id')],
        responses: { 200: json(data(ref(item.schema)), item.show.response), ...errors(404, 422) },
      },
    },
    [`/api/v1/${item.collection}/{id}/${item.answers}`]: {
      post: {
        ...operation(item.submit),
        security: citizenSecurity,
        parameters: [pathId('id')],
        requestBody: item.answerBody,
        responses: citizenWrite(json(data(ref(item.answerSchema)), item.submit.response), 201),
      },
    },
    [`/api/v1/${item.collection}/{id}/${item.answers}/{answerId}`]: {
      get: {
        ...operation(item.showAnswer),
        ...own,
        responses: {
          200: json(data(ref(item.answerSchema)), item.showAnswer.response),
          ...errors(401, 404, 422),
        },
      },
      put: {
        ...operation(item.change),
        ...own,
        requestBody: item.answerBody,
        responses: citizenWrite(json(data(ref(item.answerSchema)), item.change.response), 200),
      },
    },
  }
}
