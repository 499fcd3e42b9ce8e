import db from '@adonisjs/lucid/services/db'
import Collectivity from '#kernel/territories/models/collectivity'

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

/** Shared with the benchmark, which runs the same statement from bare `pg`. */
export const FIND_COMMUNE_SQL = `SELECT c.id
  FROM collectivity_boundaries b
  JOIN collectivities c ON c.id = b.collectivity_id
  WHERE c.kind = 'commune' AND c.status = 'onboarded'
    AND ST_Intersects(b.shape, ST_SetSRID(ST_MakePoint(?, ?), 4326))
  ORDER BY c.code
  LIMIT 1`
