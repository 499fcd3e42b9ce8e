import db from '@adonisjs/lucid/services/db'
import Collectivity from '#kernel/territories/models/collectivity'
import { FIND_COMMUNE_SQL } from '#kernel/territories/queries/find_commune_sql'

/**
 * The onboarded commune whose shape holds a point (WGS84), or null. A point on a border shared
 * by two communes goes to the one with the smaller code, so the answer is always the same.
 */
export default class FindCommuneAt {
  async handle(point: { lat: number; lng: number }): Promise<Collectivity | null> {
    const id = await FindCommuneAt.idAt(point)
    return id === null ? null : Collectivity.find(id)
  }

  static async idAt(point: { lat: number; lng: number }): Promise<number | null> {
    const result = await db.rawQuery(FIND_COMMUNE_SQL, [point.lng, point.lat])
    return result.rows[0]?.id ?? null
  }
}
