import { column } from '@adonisjs/lucid/orm'
import Publishable from '#info/models/publishable'
import type { PlaceCategory } from '#info/vocabulary'
import type { Geometry } from '#info/support/geojson'

/** Per-category details: products (producer), type and capacity (accommodation), cuisine (restaurant)… */
export interface PlaceDetails {
  products?: string[]
  accommodationType?: string
  capacity?: number
  cuisine?: string
  [key: string]: unknown
}

export default class Place extends Publishable {
  static table = 'info_places'

  @column()
  declare category: PlaceCategory

  @column()
  declare name: string

  @column()
  declare description: string

  @column()
  declare address: string | null

  @column()
  declare lat: number | null

  @column()
  declare lng: number | null

  @column()
  declare geometry: Geometry | null

  @column()
  declare phone: string | null

  @column()
  declare email: string | null

  @column()
  declare website: string | null

  /** OpenStreetMap `opening_hours` syntax, validated on the way in. */
  @column()
  declare openingHours: string | null

  @column()
  declare tags: string[]

  @column()
  declare details: PlaceDetails
}
