import db from '@adonisjs/lucid/services/db'
import { ITEM_KINDS, type ItemKind } from '#participation/support/kinds'
import { TIME_ZONE } from '#participation/support/window'

export interface ParticipationFigures {
  total: number
  /** First answers per day (Paris), in date order. */
  perDay: { day: string; count: number }[]
  /** Participants per home commune, most first (`null`: no home commune declared). */
  perCommune: { code: string | null; name: string; count: number }[]
}

/** How many took part, per day and per home commune: the back-office's live dashboard. */
export default class ParticipationDashboard {
  async handle(kind: ItemKind, itemId: number): Promise<ParticipationFigures> {
    const { submissions, parentColumn } = ITEM_KINDS[kind]
    const table = submissions.table
    const { rows: perDay } = await db.rawQuery(
      `SELECT to_char(created_at AT TIME ZONE ?, 'YYYY-MM-DD') AS day, count(*)::int AS count
           FROM ${table} WHERE ${parentColumn} = ? GROUP BY 1 ORDER BY 1`,
      [TIME_ZONE, itemId]
    )
    const { rows: perCommune } = await db.rawQuery(
      `SELECT c.code, coalesce(c.name, 'Commune non renseignée') AS name, count(*)::int AS count
           FROM ${table} s LEFT JOIN collectivities c ON c.id = s.commune_id
          WHERE s.${parentColumn} = ? GROUP BY c.id, c.code, c.name ORDER BY count DESC, name`,
      [itemId]
    )
    return {
      total: perCommune.reduce((sum: number, row: { count: number }) => sum + row.count, 0),
      perDay,
      perCommune,
    }
  }
}
