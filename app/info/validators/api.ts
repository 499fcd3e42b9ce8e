import vine from '@vinejs/vine'
import { idRule } from '#kernel/http/ids'
import { readDateTime } from '#kernel/http/dates'
import { apiValidator } from '#kernel/http/validation_messages'
import { DomainError } from '#kernel/http/errors'
import { CONTACT_THEMES, EVENT_CATEGORIES, PLACE_CATEGORIES, TIME_ZONE } from '#info/vocabulary'

/** `2030-07-14` or a full ISO 8601 date-time (with or without offset). */
const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/
const DECIMAL = '-?\\d+(?:\\.\\d+)?'

export const eventsQueryValidator = apiValidator({
  from: vine.string().trim().regex(ISO_DATE_OR_TIME).optional(),
  to: vine.string().trim().regex(ISO_DATE_OR_TIME).optional(),
  category: vine.enum(EVENT_CATEGORIES).optional(),
})

export const placesQueryValidator = apiValidator({
  category: vine.enum(PLACE_CATEGORIES).optional(),
  open_now: vine.boolean().optional(),
  near: vine
    .string()
    .trim()
    .regex(new RegExp(`^${DECIMAL},${DECIMAL}$`))
    .optional(),
  radius: vine.number().range([1, 50_000]).optional(),
  bbox: vine
    .string()
    .trim()
    .regex(new RegExp(`^${DECIMAL}(?:,${DECIMAL}){3}$`))
    .optional(),
  format: vine.enum(['json', 'geojson'] as const).optional(),
})

export const menusQueryValidator = apiValidator({
  from: vine.string().trim().regex(ISO_DATE).optional(),
  to: vine.string().trim().regex(ISO_DATE).optional(),
})

export const contactsQueryValidator = apiValidator({
  theme: vine.enum(CONTACT_THEMES).optional(),
})

export const idParamValidator = apiValidator({
  id: idRule(),
})

/**
 * A day or an instant from the query string, in Europe/Paris when no offset is given. A bare
 * day means its first moment (`edge: 'start'`) or its last (`edge: 'end'`).
 */
export function parisInstant(value: string | undefined, field: string, edge: 'start' | 'end') {
  if (value === undefined) return undefined
  let instant = readDateTime(value, TIME_ZONE, field)
  if (ISO_DATE.test(value))
    instant = edge === 'start' ? instant.startOf('day') : instant.endOf('day')
  return instant
}

/** `near=lat,lng` and `bbox=minLng,minLat,maxLng,maxLat` as numbers, checked against the globe. */
export function parseNear(near: string | undefined, radius: number | undefined) {
  if (!near) return undefined
  const [lat, lng] = near.split(',').map(Number)
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    throw new DomainError('E_INVALID_POSITION', 'Position hors des limites (lat, lng)', 422, 'near')
  }
  return { lat, lng, radius: radius ?? 5000 }
}

export { parseBbox } from '#kernel/http/bbox'
