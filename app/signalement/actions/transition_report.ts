import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/http/errors'
import type Tenant from '#kernel/tenancy/tenant'
import SyncFeedEntry from '#info/actions/sync_feed_entry'
import type Report from '#signalement/models/report'
import { lockedReport } from '#signalement/support/locked_report'
import ReportEvent from '#signalement/models/report_event'
import { notifyReporter } from '#signalement/support/notify_reporter'
import {
  CATEGORY_LABELS,
  REPORT_STATUS_LABELS,
  TRANSITIONS,
  type ReportStatus,
} from '#signalement/vocabulary'

export interface TransitionInput {
  reportId: number
  to: ReportStatus
  publicMessage?: string | null
  internalNote?: string | null
}

/**
 * Moves a report along the workflow (submitted → acknowledged → in_progress → resolved |
 * rejected, and reopened): stamps acknowledgement and resolution, writes the history line,
 * keeps the feed's "resolved" item in step, then mails the reporter.
 */
export default class TransitionReport {
  async handle(tenant: Tenant, input: TransitionInput): Promise<Report> {
    const report = await db.transaction(async (trx) => {
      const row = await lockedReport(tenant, input.reportId, trx)
      const from = row.status
      if (!TRANSITIONS[from].includes(input.to)) {
        throw new DomainError(
          'E_INVALID_TRANSITION',
          `Un signalement « ${REPORT_STATUS_LABELS[from]} » ne peut pas passer à « ${REPORT_STATUS_LABELS[input.to]} »`,
          422,
          'to'
        )
      }
      const now = DateTime.now()
      row.status = input.to
      if (input.to === 'acknowledged' || input.to === 'in_progress') row.acknowledgedAt ??= now
      row.resolvedAt = input.to === 'resolved' || input.to === 'rejected' ? now : null
      if (input.to === 'resolved' || input.to === 'rejected') row.overdue = false
      if (input.publicMessage) row.publicMessage = input.publicMessage
      await row.save()
      await ReportEvent.create(
        {
          reportId: row.id,
          kind: 'transition',
          fromStatus: from,
          toStatus: input.to,
          publicMessage: input.publicMessage ?? null,
          internalNote: input.internalNote ?? null,
          agentId: tenant.agent.id,
        },
        { client: trx }
      )
      await syncResolvedFeedItem(row, trx)
      return row
    })
    await notifyReporter(
      report,
      REPORT_STATUS_LABELS[report.status].toLowerCase(),
      input.publicMessage ?? null
    )
    return report
  }
}

/** A resolved, published report is news for its commune's citizens (ADR 0006). */
export async function syncResolvedFeedItem(
  report: Report,
  trx: Parameters<SyncFeedEntry['handle']>[3]
) {
  const listed =
    report.status === 'resolved' && report.moderation === 'published' && !report.mergedIntoId
  const title = `Résolu : ${CATEGORY_LABELS[report.categoryCode] ?? report.categoryCode}${report.address ? ` — ${report.address}` : ''}`
  await new SyncFeedEntry().handle(
    'report_resolved',
    report.id,
    listed
      ? {
          collectivityId: report.communeId,
          // feed_items.title is a varchar(255); an address may be long
          title: title.slice(0, 255),
          summary: report.publicMessage,
          publishedAt: report.resolvedAt ?? DateTime.now(),
          expireAt: null,
        }
      : null,
    trx
  )
}
