import db from '@adonisjs/lucid/services/db'
import { ConflictError, NotFoundError } from '#kernel/http/errors'

/** "Me too": once per citizen, on a published open report; the count is kept on the report. */
export default class SupportReport {
  async handle(reportId: number, citizenId: number) {
    return db.transaction(async (trx) => {
      const report = await trx
        .from('signalement_reports')
        .where({ id: reportId, moderation: 'published' })
        .forUpdate()
        .first()
      if (!report) throw new NotFoundError('Signalement introuvable', 'E_REPORT_NOT_FOUND')
      const inserted = await trx
        .table('signalement_supports')
        .insert({ report_id: reportId, citizen_id: citizenId, created_at: new Date() })
        .onConflict(['report_id', 'citizen_id'])
        .ignore()
        .returning('report_id')
      if (inserted.length === 0) {
        throw new ConflictError('E_ALREADY_SUPPORTED', 'Vous soutenez déjà ce signalement')
      }
      const [row] = await trx
        .from('signalement_reports')
        .where('id', reportId)
        .increment('supports_count', 1)
        .returning('supports_count')
      return { supports_count: row.supports_count as number }
    })
  }
}
