import db from '@adonisjs/lucid/services/db'
import { NotFoundError } from '#kernel/http/errors'
import { REPORT_BY_ID_SQL } from '#signalement/support/public_reports_sql'
import { publicReportJson } from '#signalement/transformers/report_json'
import { REPORT_STATUS_LABELS, type ReportStatus } from '#signalement/vocabulary'

/*
| The steps its reporter was told of: a change of status, or a message meant for them (a photo
| hidden, with why). Reassignments, moderation and notes stay inside: they carry no status and
| no public message. Only these three columns are read, so no agent or note can leak.
*/
const PUBLIC_STEPS_SQL = `SELECT e.kind, e.to_status, e.public_message, e.created_at
  FROM signalement_report_events e
  WHERE e.report_id = ? AND (e.to_status IS NOT NULL OR e.public_message IS NOT NULL)
  ORDER BY e.created_at, e.id`

interface StepRow {
  kind: string
  to_status: ReportStatus | null
  public_message: string | null
  created_at: Date
}

/**
 * A citizen's own report whatever its moderation state, with its public history: someone
 * else's report, or an unknown one, is the same 404 (no hint that it exists).
 */
export default class ShowOwnReport {
  async handle(id: number, citizenId: number) {
    const { rows } = await db.rawQuery(REPORT_BY_ID_SQL, [id])
    const row = rows[0]
    if (!row || row.reporter_citizen_id !== citizenId) {
      throw new NotFoundError('Signalement introuvable', 'E_REPORT_NOT_FOUND')
    }
    const steps = await db.rawQuery<{ rows: StepRow[] }>(PUBLIC_STEPS_SQL, [id])
    return {
      data: {
        ...publicReportJson(row),
        moderation: row.moderation,
        merged_into: row.merged_into_id,
        history: steps.rows.map((step) => ({
          kind: step.kind,
          status: step.to_status,
          status_label: step.to_status ? REPORT_STATUS_LABELS[step.to_status] : null,
          public_message: step.public_message,
          at: new Date(step.created_at).toISOString(),
        })),
      },
    }
  }
}
