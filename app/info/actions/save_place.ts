import { auditContent } from '#info/support/content_audit'
import type { AuditActor } from '#kernel/accounts/actions/record_audit'
import db from '@adonisjs/lucid/services/db'
import { assertOwnImage } from '#info/support/own_image'
import Place, { type PlaceDetails } from '#info/models/place'
import { findContentForUpdate } from '#info/actions/find_content'
import { sanitizeRichText } from '#info/support/rich_text'
import { assertOpeningHours } from '#info/support/opening_hours'
import { geometryProblem, normaliseGeometry, type Geometry } from '#info/support/geojson'
import { DomainError } from '#kernel/http/errors'
import { assertTextLimits } from '#kernel/http/text_limits'
import { assertInFrance } from '#kernel/territories/france_bounds'
import { PLACE_TEXT_LIMITS } from '#info/vocabulary'
import type { PlaceCategory } from '#info/vocabulary'

export interface PlaceInput {
  category: PlaceCategory
  name: string
  description?: string | null
  address?: string | null
  lat?: number | null
  lng?: number | null
  /** GeoJSON geometry: a Point, or a (Multi)LineString for bike lanes. */
  geometry?: unknown
  phone?: string | null
  email?: string | null
  website?: string | null
  openingHours?: string | null
  tags?: string[]
  details?: PlaceDetails
  imageMediaId?: number | null
}

const LINE_CATEGORIES: PlaceCategory[] = ['bike_lane']

/**
 * The point a place is found by (near, bbox, map pin): the point itself, or the middle vertex of
 * a line (of its first part for a MultiLineString).
 */
function representativePoint(geometry: Geometry): [number, number] {
  if (geometry.type === 'Point') return geometry.coordinates
  const line = geometry.type === 'LineString' ? geometry.coordinates : geometry.coordinates[0]
  return line[Math.floor((line.length - 1) / 2)]
}

/** Every vertex of a place's geometry lies in France (swapped coordinates are the usual slip). */
function assertGeometryInFrance(geometry: Geometry) {
  const field = geometry.type === 'Point' ? 'lat' : 'geometry'
  const points =
    geometry.type === 'Point'
      ? [geometry.coordinates]
      : geometry.type === 'LineString'
        ? geometry.coordinates
        : geometry.coordinates.flat()
  for (const [lng, lat] of points) assertInFrance(lat, lng, field)
}

/**
 * The columns of a place from its input, checked: bike lanes need a line geometry, other places
 * at most a point; opening hours must parse. Throws a 422 DomainError naming the field. Shared by
 * the back-office and the imports, so both refuse the same things.
 */
export function placeAttributes(input: PlaceInput) {
  let geometry: Geometry | null = null
  let lat = input.lat ?? null
  let lng = input.lng ?? null
  if ((lat === null) !== (lng === null)) {
    throw new DomainError(
      'E_INCOMPLETE_POSITION',
      'La position demande une latitude et une longitude',
      422,
      'lat'
    )
  }
  if (lat !== null && (Math.abs(lat) > 90 || Math.abs(lng!) > 180)) {
    throw new DomainError('E_INVALID_POSITION', 'Position hors des limites', 422, 'lat')
  }
  const lines = LINE_CATEGORIES.includes(input.category)
  if (input.geometry !== undefined && input.geometry !== null) {
    const problem = geometryProblem(
      input.geometry,
      lines ? ['LineString', 'MultiLineString'] : ['Point']
    )
    if (problem)
      throw new DomainError(
        'E_INVALID_GEOMETRY',
        `Géométrie invalide : ${problem}`,
        422,
        'geometry'
      )
    geometry = normaliseGeometry(input.geometry as Geometry)
    ;[lng, lat] = representativePoint(geometry)
  } else if (lines) {
    throw new DomainError(
      'E_INVALID_GEOMETRY',
      'Une piste cyclable demande un tracé (LineString)',
      422,
      'geometry'
    )
  } else if (lat !== null) {
    geometry = { type: 'Point', coordinates: [lng!, lat] }
  }
  if (geometry) assertGeometryInFrance(geometry)
  assertTextLimits(input, PLACE_TEXT_LIMITS)
  return {
    category: input.category,
    name: input.name.trim(),
    description: sanitizeRichText(input.description),
    address: input.address?.trim() || null,
    lat,
    lng,
    geometry,
    phone: input.phone?.trim() || null,
    email: input.email?.trim() || null,
    website: input.website?.trim() || null,
    openingHours: input.openingHours?.trim()
      ? assertOpeningHours(input.openingHours, 'openingHours')
      : null,
    tags: [...new Set((input.tags ?? []).map((tag) => tag.trim().toLowerCase()).filter(Boolean))],
    details: input.details ?? {},
  }
}

/** Creates (draft) or changes a place of the directory. */
export default class SavePlace {
  async handle(collectivityId: number, input: PlaceInput, id?: number, by?: AuditActor) {
    const attributes = placeAttributes(input)
    return db.transaction(async (trx) => {
      await assertOwnImage(collectivityId, input.imageMediaId, trx)
      const place = id
        ? ((await findContentForUpdate('place', id, trx, [collectivityId])) as Place)
        : new Place().merge({ collectivityId, status: 'draft' })
      place.merge({
        ...attributes,
        imageMediaId:
          input.imageMediaId === undefined ? (place.imageMediaId ?? null) : input.imageMediaId,
      })
      await place.useTransaction(trx).save()
      await auditContent(trx, by, id ? 'updated' : 'created', 'place', place)
      return place
    })
  }
}
