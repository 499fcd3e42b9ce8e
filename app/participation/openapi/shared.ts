import type { OpenApiObject } from '#kernel/http/openapi/types'
import { errors } from '#kernel/http/openapi/common'

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
