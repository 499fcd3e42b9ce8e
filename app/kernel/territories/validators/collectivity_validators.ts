import vine from '@vinejs/vine'
import { apiValidator } from '#kernel/http/validation_messages'
import { COLLECTIVITY_KINDS } from '#kernel/territories/models/collectivity'

export const SEARCH_QUERY_MAX_LENGTH = 100

/** `near=lat,lng` in decimal degrees (WGS84), as a phone's geolocation gives them. */
export const NEAR_PATTERN = /^-?\d{1,3}(\.\d{1,12})?,-?\d{1,3}(\.\d{1,12})?$/

/** Either `q` (name, postal or official code) or `near` (a position); `q` when both are missing. */
export const searchCollectivitiesValidator = apiValidator({
  q: vine.string().trim().minLength(1).maxLength(SEARCH_QUERY_MAX_LENGTH).optional(),
  near: vine.string().trim().maxLength(40).regex(NEAR_PATTERN).optional(),
  kind: vine.enum(COLLECTIVITY_KINDS).optional(),
})

export function parseNear(near: string) {
  const [lat, lng] = near.split(',').map(Number)
  return { lat, lng }
}
