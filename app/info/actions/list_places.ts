import { DateTime } from 'luxon'
import Place from '#info/models/place'
import {
  decodeCursor,
  encodeCursor,
  type CursorValueKind,
  type PageRequest,
} from '#kernel/http/pagination'
import { NotFoundError } from '#kernel/http/errors'
import { whereVisible, type Audience } from '#info/support/audience'
import { readyImages } from '#info/support/images'
import { evaluateOpeningHours, isOpenAt } from '#info/support/opening_hours'
import { placeFeature, placeJson } from '#info/transformers/content'
import { PLACE_CATEGORIES, PLACE_CATEGORY_FEATURE, type PlaceCategory } from '#info/vocabulary'
import { boxAround, distanceSql, insideBoxSql } from '#info/support/place_geometry'

export interface PlaceFilters {
  category?: PlaceCategory
  openNow?: boolean
  near?: { lat: number; lng: number; radius: number }
  /** [min lng, min lat, max lng, max lat] */
  bbox?: [number, number, number, number]
  format?: 'json' | 'geojson'
}

/**
 * With `open_now`, opening hours are evaluated in JS (the `opening_hours` package) over pages
 * read from SQL in keyset order; a request reads at most this many rows. Past that limit the
 * page may hold fewer than `limit` places while `next_cursor` still points further on.
 */
export const MAX_SCANNED_FOR_OPEN_NOW = 1000
const OPEN_NOW_BATCH = 100

/** How the listing is ordered: by name, or by distance (in SQL, rounded to the centimetre). */
interface Order {
  listing: string
  /** SQL of the sort value and its bindings. */
  sql: string
  bindings: Array<string | number>
  valueOf(place: Place): string | number
  /** The sort value's SQL type, checked when a cursor is read back. */
  kind: CursorValueKind
}

function visiblePlaces(audience: Audience, filters: PlaceFilters, now: Date) {
  const categories = filters.category
    ? [filters.category]
    : PLACE_CATEGORIES.filter((category) => audience.hasFeature(PLACE_CATEGORY_FEATURE[category]))
  if (filters.category) audience.requireFeature(PLACE_CATEGORY_FEATURE[filters.category])
  const query = whereVisible(Place.visibleFrom(audience), 'info_places', now).whereIn(
    'category',
    categories
  )
  // Boxes go through the GiST index on point(lng, lat): `bbox` as given, `near` as the box
  // around its circle (then the exact distance below).
  const boxes = [filters.bbox, filters.near && boxAround(filters.near)].filter((box) => !!box)
  for (const box of boxes) {
    query.whereNotNull('lat').whereNotNull('lng').whereRaw(insideBoxSql, box)
  }
  if (filters.near) {
    const { lat, lng, radius } = filters.near
    query.whereRaw(`${distanceSql} <= ?`, [lat, lat, lng, radius])
  }
  if (filters.openNow) query.whereNotNull('opening_hours')
  return query
}

function orderOf(filters: PlaceFilters): Order {
  if (filters.near) {
    const { lat, lng } = filters.near
    return {
      listing: filters.openNow ? 'info.places.near.open' : 'info.places.near',
      sql: `round((${distanceSql})::numeric, 2)`,
      bindings: [lat, lat, lng],
      valueOf: (place) => Number(place.$extras.sort_value),
      kind: 'numeric',
    }
  }
  return {
    listing: filters.openNow ? 'info.places.open' : 'info.places',
    sql: 'info_places.name',
    bindings: [],
    valueOf: (place) => place.name,
    kind: 'text',
  }
}

/**
 * Directory places of an authority and the levels above it, limited to the categories it
 * switched on. By name, or by distance with `near`; `bbox` and `near` filter in SQL; `open_now`
 * evaluates opening hours in Europe/Paris over what SQL returns. JSON or a GeoJSON
 * FeatureCollection; keyset pagination in every case.
 */
export default class ListPlaces {
  async handle(
    audience: Audience,
    filters: PlaceFilters,
    page: PageRequest,
    now: Date = new Date()
  ) {
    const order = orderOf(filters)
    const at = DateTime.fromJSDate(now)
    const accept = filters.openNow
      ? (place: Place) => isOpenAt(place.openingHours!, at, place)
      : () => true
    const batch = filters.openNow ? Math.max(OPEN_NOW_BATCH, page.limit + 1) : page.limit + 1
    const maxScanned = filters.openNow ? MAX_SCANNED_FOR_OPEN_NOW : page.limit + 1

    let after = page.cursor ? decodeCursor(order.listing, page.cursor, order.kind) : undefined
    const accepted: Place[] = []
    let scanned = 0
    let lastScanned: Place | undefined
    let exhausted = false
    while (accepted.length <= page.limit && scanned < maxScanned) {
      const query = visiblePlaces(audience, filters, now)
        .select('info_places.*')
        .select(Place.query().client.raw(`${order.sql} AS sort_value`, order.bindings))
      if (after) {
        query.whereRaw(`(${order.sql}, info_places.id) > (?, ?)`, [
          ...order.bindings,
          after.value,
          after.id,
        ])
      }
      const rows = await query
        .orderByRaw(`${order.sql} ASC, info_places.id ASC`, order.bindings)
        .limit(batch)
      scanned += rows.length
      for (const place of rows) {
        lastScanned = place
        if (accept(place)) accepted.push(place)
        if (accepted.length > page.limit) break
      }
      if (rows.length < batch) {
        exhausted = true
        break
      }
      after = { value: order.valueOf(lastScanned!), id: lastScanned!.id }
    }

    const pagePlaces = accepted.slice(0, page.limit)
    // More matches read: continue after the last one shown. Stopped by the scan limit: continue
    // after the last one read (this page may be short).
    const resumeAt =
      accepted.length > page.limit ? pagePlaces.at(-1) : exhausted ? undefined : lastScanned
    const meta = {
      next_cursor: resumeAt
        ? encodeCursor(order.listing, order.valueOf(resumeAt), resumeAt.id)
        : null,
      limit: page.limit,
    }
    const images = await readyImages(pagePlaces.map((place) => place.imageMediaId))
    const distanceOf = (place: Place) =>
      filters.near ? Number(place.$extras.sort_value) : undefined
    if (filters.format === 'geojson') {
      return {
        type: 'FeatureCollection' as const,
        features: pagePlaces.map((place) =>
          placeFeature(place, audience, images, distanceOf(place))
        ),
        meta,
      }
    }
    return {
      data: pagePlaces.map((place) => placeJson(place, audience, images, distanceOf(place))),
      meta,
    }
  }
}

/** One place with whether it is open now and its next openings (Europe/Paris). */
export class ShowPlace {
  async handle(audience: Audience, id: number, now: Date = new Date()) {
    const place = await whereVisible(Place.visibleFrom(audience), 'info_places', now)
      .where('id', id)
      .first()
    if (!place || !audience.hasFeature(PLACE_CATEGORY_FEATURE[place.category]))
      throw new NotFoundError('Lieu introuvable')
    const images = await readyImages([place.imageMediaId])
    const hours = place.openingHours
      ? evaluateOpeningHours(place.openingHours, DateTime.fromJSDate(now), 5, place)
      : null
    return {
      data: {
        ...placeJson(place, audience, images),
        is_open_now: hours?.isOpenNow ?? null,
        next_openings: (hours?.nextOpenings ?? []).map((opening) => ({
          opens_at: opening.opensAt,
          closes_at: opening.closesAt,
        })),
      },
    }
  }
}
