import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/http/errors'
import type Tenant from '#kernel/tenancy/tenant'
import ReportEvent from '#signalement/models/report_event'
import { lockedReport, lockedReportMedia } from '#signalement/support/locked_report'

/**
 * Undoes HideReportPhoto: the photo (or video) is public again, in the API and the GeoJSON at
 * once. The history keeps both the hiding with its reason and who undid it; the reporter gets
 * no mail (nothing they need to act on).
 */
export default class UnhideReportPhoto {
  async handle(tenant: Tenant, input: { reportId: number; mediaId: number }) {
    return db.transaction(async (trx) => {
      const report = await lockedReport(tenant, input.reportId, trx)
      const attached = await lockedReportMedia(trx, report.id, input.mediaId)
      if (!attached.hidden_at) {
        throw new DomainError('E_NOT_HIDDEN', 'Ce média n’est pas masqué', 422, 'mediaId')
      }
      await trx
        .from('signalement_report_media')
        .where({ report_id: report.id, media_id: input.mediaId })
        .update({ hidden_at: null, hidden_reason: null })
      await ReportEvent.create(
        {
          reportId: report.id,
          kind: 'photo_unhidden',
          agentId: tenant.agent.id,
          internalNote: `Masqué auparavant pour : ${attached.hidden_reason}`,
        },
        { client: trx }
      )
      return report
    })
  }
}
