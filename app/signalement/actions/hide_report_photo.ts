import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/http/errors'
import type Tenant from '#kernel/tenancy/tenant'
import ReportEvent from '#signalement/models/report_event'
import { lockedReport } from '#signalement/support/locked_report'
import { notifyReporter } from '#signalement/support/notify_reporter'

export interface HidePhotoInput {
  reportId: number
  mediaId: number
  /** Why (a face, a number plate): told to the reporter, kept in the history. */
  reason: string
}

/**
 * Hides one photo (or the video) of a report without touching the rest: it leaves the public
 * API and the GeoJSON at once (their statement skips hidden media), agents still see it marked
 * as hidden, the history keeps who and why, and the reporter is told the reason by e-mail.
 */
export default class HideReportPhoto {
  async handle(tenant: Tenant, input: HidePhotoInput) {
    const { report, kind } = await db.transaction(async (trx) => {
      const row = await lockedReport(tenant, input.reportId, trx)
      const attached = await trx
        .from('signalement_report_media as rm')
        .join('media as m', 'm.id', 'rm.media_id')
        .where({ 'rm.report_id': row.id, 'rm.media_id': input.mediaId })
        .forUpdate('rm')
        .select('rm.hidden_at', 'm.kind')
        .first()
      if (!attached) {
        throw new DomainError(
          'E_MEDIA_NOT_IN_REPORT',
          'Ce média n’appartient pas à ce signalement',
          422,
          'mediaId'
        )
      }
      if (attached.hidden_at) {
        throw new DomainError('E_ALREADY_HIDDEN', 'Ce média est déjà masqué', 422, 'mediaId')
      }
      await trx
        .from('signalement_report_media')
        .where({ report_id: row.id, media_id: input.mediaId })
        .update({ hidden_at: DateTime.now().toJSDate(), hidden_reason: input.reason })
      await ReportEvent.create(
        {
          reportId: row.id,
          kind: 'photo_hidden',
          agentId: tenant.agent.id,
          publicMessage: input.reason,
        },
        { client: trx }
      )
      return { report: row, kind: attached.kind as 'image' | 'video' }
    })
    await notifyReporter(
      report,
      kind === 'video' ? 'sa vidéo a été masquée' : 'une photo a été masquée',
      `Motif : ${input.reason}`
    )
    return report
  }
}
