import db from '@adonisjs/lucid/services/db'
import { ConflictError, NotFoundError } from '#kernel/http/errors'
import { reportSettingsOf } from '#signalement/support/settings'

/**
 * A citizen flags a published report (once each). At the handler's threshold the report leaves
 * the public map, hidden pending an agent's review.
 */
export default class FlagReport {
  async handle(reportId: number, citizenId: number, reason: string | null = null) {
    return db.transaction(async (trx) => {
      const report = await trx
        .from('signalement_reports as r')
        .join('collectivities as a', 'a.id', 'r.collectivity_id')
        .where('r.id', reportId)
        .where('r.moderation', 'published')
        .forUpdate('r')
        .select('r.id', 'r.flags_count', 'a.modules')
        .first()
      if (!report) throw new NotFoundError('Signalement introuvable', 'E_REPORT_NOT_FOUND')
      const inserted = await trx
        .table('signalement_flags')
        .insert({ report_id: reportId, citizen_id: citizenId, reason, created_at: new Date() })
        .onConflict(['report_id', 'citizen_id'])
        .ignore()
        .returning('report_id')
      if (inserted.length === 0) {
        throw new ConflictError('E_ALREADY_FLAGGED', 'Vous avez déjà signalé ce contenu')
      }
      const flags = report.flags_count + 1
      const hidden = flags >= reportSettingsOf(report.modules).flagThreshold
      await trx
        .from('signalement_reports')
        .where('id', reportId)
        .update({
          flags_count: flags,
          ...(hidden ? { moderation: 'hidden' } : {}),
          updated_at: new Date(),
        })
      if (hidden) {
        await trx.table('signalement_report_events').insert({
          report_id: reportId,
          kind: 'flagged_hidden',
          internal_note: `Masqué après ${flags} signalements d’habitants, en attente de revue`,
          created_at: new Date(),
        })
      }
      return { flags_count: flags, hidden }
    })
  }
}
