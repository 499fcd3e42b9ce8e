import db from '@adonisjs/lucid/services/db'

/**
 * Flags open reports older than their handler's delay (`overdueDays` of the reports feature,
 * 15 by default) and unflags those no longer late (closed, or the delay was lengthened). The
 * application's clock is passed in, never `now()` (ADR 0006). Returns how many changed.
 */
export default class FlagOverdueReports {
  async handle(now: Date = new Date()): Promise<{ flagged: number; cleared: number }> {
    const lateness = `r.created_at + make_interval(days => COALESCE((a.modules #>> '{reports,settings,overdueDays}')::int, 15)) <= ?`
    const flagged = await db.rawQuery(
      `UPDATE signalement_reports r SET overdue = true, updated_at = ?
       FROM collectivities a
       WHERE a.id = r.collectivity_id AND NOT r.overdue
         AND r.status IN ('submitted', 'acknowledged', 'in_progress') AND ${lateness}`,
      [now, now]
    )
    const cleared = await db.rawQuery(
      `UPDATE signalement_reports r SET overdue = false, updated_at = ?
       FROM collectivities a
       WHERE a.id = r.collectivity_id AND r.overdue
         AND NOT (r.status IN ('submitted', 'acknowledged', 'in_progress') AND ${lateness})`,
      [now, now]
    )
    return { flagged: flagged.rowCount ?? 0, cleared: cleared.rowCount ?? 0 }
  }
}
