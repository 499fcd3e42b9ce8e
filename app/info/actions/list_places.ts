import { DateTime } from 'luxon'
import Place from '#info/models/place'
import {
  decodeCursor,
  encodeCursor,
  paginateByCursor,
  type PageRequest,
} from '#kernel/http/pagination'
import { NotFoundError } from '#kernel/http/errors'
import { whereVisible, type Audience } from '#info/support/audience'
import { readyImages } from '#info/support/images'
import { distanceInMetres } from '#info/support/geojson'
import { evaluateOpeningHours, isOpenAt } from '#info/support/opening_hours'
import { placeFeature, placeJson } from '#info/transformers/content'
import { PLACE_CATEGORIES, PLACE_CATEGORY_FEATURE, type PlaceCategory } from '#info/vocabulary'

export interface PlaceFilters {
  category?: PlaceCategory
  openNow?: boolean
  near?: { lat: number; lng: number; radius: number }
  /** [min lng, min lat, max lng, max lat] */
  bbox?: [number, number, number, number]
  format?: 'json' | 'geojson'
}

/** At most this many candidates are weighed in memory for `near` and `open_now`. */
const MAX_CANDIDATES = 5000

function visiblePlaces(audience: Audience, filters: PlaceFilters, now: Date) {
  const categories = filters.category
    ? [filters.category]
    : PLACE_CATEGORIES.filter((category) => audience.hasFeature(PLACE_CATEGORY_FEATURE[category]))
  if (filters.category) audience.requireFeature(PLACE_CATEGORY_FEATURE[filters.category])
  const query = whereVisible(
    Place.query().whereIn('collectivity_id', audience.ids),
    'info_places',
    now
  ).whereIn('category', categories)
  if (filters.bbox) {
    const [minLng, minLat, maxLng, maxLat] = filters.bbox
    query.whereBetween('lat', [minLat, maxLat]).whereBetween('lng', [minLng, maxLng])
  }
  if (filters.near) {
    // A box around the circle first (indexed), the exact distance after.
    const { lat, lng, radius } = filters.near
    const dLat = radius / 111_320
    const dLng = radius / (111_320 * Math.max(Math.cos((lat * Math.PI) / 180), 0.01))
    query
      .whereBetween('lat', [lat - dLat, lat + dLat])
      .whereBetween('lng', [lng - dLng, lng + dLng])
  }
  if (filters.openNow) query.whereNotNull('opening_hours')
  return query
}

/**
 * Directory places of an authority and the levels above it, limited to the categories it
 * switched on. By name, or by distance with `near`; `open_now` evaluates opening hours in
 * Europe/Paris. JSON or a GeoJSON FeatureCollection.
 */
export default class ListPlaces {
  async handle(
    audience: Audience,
    filters: PlaceFilters,
    page: PageRequest,
    now: Date = new Date()
  ) {
    const query = visiblePlaces(audience, filters, now)
    let rows: Array<{ place: Place; distance?: number }>
    let nextCursor: string | null
    if (filters.near || filters.openNow) {
      ;({ rows, nextCursor } = await this.weighInMemory(query, filters, page, now))
    } else {
      const result = await paginateByCursor(query, page, {
        listing: 'info.places',
        column: 'name',
        direction: 'asc',
      })
      rows = result.rows.map((place) => ({ place }))
      nextCursor = result.meta.next_cursor
    }
    const images = await readyImages(rows.map(({ place }) => place.imageMediaId))
    const meta = { next_cursor: nextCursor, limit: page.limit }
    if (filters.format === 'geojson') {
      return {
        type: 'FeatureCollection' as const,
        features: rows.map(({ place, distance }) =>
          placeFeature(place, audience, images, distance)
        ),
        meta,
      }
    }
    return {
      data: rows.map(({ place, distance }) => placeJson(place, audience, images, distance)),
      meta,
    }
  }

  private async weighInMemory(
    query: ReturnType<typeof visiblePlaces>,
    filters: PlaceFilters,
    page: PageRequest,
    now: Date
  ) {
    const listing = filters.near ? 'info.places.near' : 'info.places.open'
    const at = DateTime.fromJSDate(now)
    const candidates = await query.orderBy('id').limit(MAX_CANDIDATES)
    let rows = candidates.map((place) => ({
      place,
      distance:
        filters.near && place.lat !== null && place.lng !== null
          ? distanceInMetres(filters.near, { lat: place.lat, lng: place.lng })
          : undefined,
    }))
    if (filters.near)
      rows = rows.filter(
        (row) => row.distance !== undefined && row.distance <= filters.near!.radius
      )
    if (filters.openNow) rows = rows.filter(({ place }) => isOpenAt(place.openingHours!, at))
    const sortValue = (row: (typeof rows)[number]) =>
      filters.near ? Math.round(row.distance! * 100) / 100 : row.place.name
    rows.sort((a, b) => {
      const [x, y] = [sortValue(a), sortValue(b)]
      return x < y ? -1 : x > y ? 1 : a.place.id - b.place.id
    })
    if (page.cursor) {
      const { value, id } = decodeCursor(listing, page.cursor)
      rows = rows.filter(
        (row) => sortValue(row) > value || (sortValue(row) === value && row.place.id > id)
      )
    }
    const pageRows = rows.slice(0, page.limit)
    const last = pageRows.at(-1)
    const nextCursor =
      rows.length > page.limit && last
        ? encodeCursor(listing, sortValue(last), last.place.id)
        : null
    return { rows: filters.near ? pageRows : pageRows.map(({ place }) => ({ place })), nextCursor }
  }
}

/** One place with whether it is open now and its next openings (Europe/Paris). */
export class ShowPlace {
  async handle(audience: Audience, id: number, now: Date = new Date()) {
    const place = await whereVisible(
      Place.query().whereIn('collectivity_id', audience.ids),
      'info_places',
      now
    )
      .where('id', id)
      .first()
    if (!place || !audience.hasFeature(PLACE_CATEGORY_FEATURE[place.category]))
      throw new NotFoundError('Lieu introuvable')
    const images = await readyImages([place.imageMediaId])
    const hours = place.openingHours
      ? evaluateOpeningHours(place.openingHours, DateTime.fromJSDate(now))
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
