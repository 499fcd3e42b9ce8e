import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * A citizen's signalement data for the GDPR export: the reports they filed (with the public
 * answers they received), the reports they supported ("me too") and those they flagged.
 */
export class ExportReports {
  async handle(citizenId: number) {
    const { rows: reports } = await db.rawQuery(
      `SELECT r.id, r.category_code, r.description, r.lat, r.lng, r.address, r.anonymous,
              r.status, r.moderation, r.public_message, r.created_at, r.acknowledged_at,
              r.resolved_at, c.code AS commune_code, c.name AS commune_name,
              coalesce((SELECT json_agg(json_build_object('to_status', e.to_status,
                          'public_message', e.public_message, 'created_at', e.created_at) ORDER BY e.id)
                        FROM signalement_report_events e
                        WHERE e.report_id = r.id AND e.kind = 'transition'), '[]') AS answers,
              coalesce((SELECT array_agg(rm.media_id ORDER BY rm.position)
                        FROM signalement_report_media rm WHERE rm.report_id = r.id), '{}') AS media_ids
         FROM signalement_reports r JOIN collectivities c ON c.id = r.commune_id
        WHERE r.citizen_id = ? ORDER BY r.id`,
      [citizenId]
    )
    const supports = await db
      .from('signalement_supports')
      .where('citizen_id', citizenId)
      .orderBy('created_at')
      .select('report_id', 'created_at')
    const flags = await db
      .from('signalement_flags')
      .where('citizen_id', citizenId)
      .orderBy('created_at')
      .select('report_id', 'reason', 'created_at')
    return { reports, supports, flags }
  }
}

/**
 * When an account goes, its reports stay with the authority that handles them (a pothole still
 * needs filling; the public map and the statistics must not change) but no longer point to the
 * person; its "me too" and flags go (and from merges' undo records), and the counters follow. Inside the deletion's
 * transaction. (The photos and videos go with the citizen's uploads, in the media kernel.)
 */
export class DetachReports {
  async handle(citizenId: number, trx: TransactionClientContract) {
    await trx
      .from('signalement_reports')
      .where('citizen_id', citizenId)
      .update({ citizen_id: null, reporter_email: null, reporter_name: null })
    for (const [table, counter] of [
      ['signalement_supports', 'supports_count'],
      ['signalement_flags', 'flags_count'],
    ] as const) {
      await trx.rawQuery(
        `WITH gone AS (DELETE FROM ${table} WHERE citizen_id = ? RETURNING report_id)
         UPDATE signalement_reports r SET ${counter} = greatest(r.${counter} - 1, 0)
           FROM gone WHERE r.id = gone.report_id`,
        [citizenId]
      )
    }
    // A merge's undo record names the supporters it moved: the account's id goes from it too.
    await trx.rawQuery(
      `UPDATE signalement_report_merges SET added_supporter_ids = array_remove(added_supporter_ids, ?)
       WHERE ? = ANY(added_supporter_ids)`,
      [citizenId, citizenId]
    )
  }
}
