import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/http/errors'
import type Tenant from '#kernel/tenancy/tenant'
import ReportEvent from '#signalement/models/report_event'
import { lockedReport, lockedReportMedia } from '#signalement/support/locked_report'
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
      const attached = await lockedReportMedia(trx, row.id, input.mediaId)
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
      return { report: row, kind: attached.kind }
    })
    await notifyReporter(
      report,
      kind === 'video' ? 'sa vidéo a été masquée' : 'une photo a été masquée',
      `Motif : ${input.reason}`
    )
    return report
  }
}
