import db from '@adonisjs/lucid/services/db'
import { assertInFrance } from '#kernel/territories/france_bounds'
import { NEAR_COMMUNES_SQL } from '#kernel/territories/queries/near_communes_sql'
import type { CollectivitySearchRow } from '#kernel/territories/queries/search_collectivities_sql'

export const NEAR_LIMIT = 5

export type NearCommuneRow = CollectivitySearchRow & {
  /** 0 for the commune whose shape holds the point; else metres to the nearest edge of its shape. */
  distance_m: number
}

/**
 * The citizen's "near me": the commune they stand in first, then the nearest ones (a resident
 * by a border often follows the neighbouring commune too). Empty where no shape is known.
 */
export default class FindCommunesNear {
  async handle(input: { lat: number; lng: number; limit?: number }): Promise<NearCommuneRow[]> {
    assertInFrance(input.lat, input.lng, 'near')
    const result = await db.rawQuery(NEAR_COMMUNES_SQL, [
      input.lng,
      input.lat,
      input.limit ?? NEAR_LIMIT,
    ])
    return result.rows as NearCommuneRow[]
  }
}
