import db from '@adonisjs/lucid/services/db'
import type Tenant from '#kernel/tenancy/tenant'
import ReportEvent from '#signalement/models/report_event'
import { lockedReport } from '#signalement/support/locked_report'
import { syncResolvedFeedItem } from '#signalement/actions/transition_report'

/**
 * An agent accepts a report onto the public map, or hides it (after review of citizens' flags,
 * say); the history keeps who and why, the feed follows.
 */
export default class ModerateReport {
  async handle(
    tenant: Tenant,
    input: { reportId: number; state: 'published' | 'hidden'; internalNote?: string | null }
  ) {
    return db.transaction(async (trx) => {
      const report = await lockedReport(tenant, input.reportId, trx)
      report.moderation = input.state
      if (input.state === 'published') report.flagsCount = 0
      await report.save()
      await ReportEvent.create(
        {
          reportId: report.id,
          kind: input.state,
          agentId: tenant.agent.id,
          internalNote: input.internalNote ?? null,
        },
        { client: trx }
      )
      await syncResolvedFeedItem(report, trx)
      return report
    })
  }
}
