import db from '@adonisjs/lucid/services/db'
import type Tenant from '#kernel/tenancy/tenant'
import type { MediaVariant } from '#kernel/media/models/media'
import Report from '#signalement/models/report'
import ReportEvent from '#signalement/models/report_event'

export interface AgentMedia {
  id: number
  kind: 'image' | 'video'
  state: string
  hiddenReason: string | null
  hiddenAt: string | null
  variants: Array<{ name: string; url: string; mime: string; width: number; height: number }>
}

/**
 * Everything an agent sees of one of the current authority's reports: the report, every photo
 * and video (hidden ones too, marked), the full history with who did it, the authorities of
 * its commune's lineage it may be handed to, and the reports it absorbed as duplicates.
 */
export default class ShowReportForAgent {
  async handle(tenant: Tenant, reportId: number) {
    const report = await Report.findOwnedOrFail(tenant, reportId)
    // One after the other: a single connection (a transaction) must not run them at once.
    return {
      report,
      media: await this.media(report.id),
      events: await this.history(report.id),
      lineage: await this.lineage(report.communeId),
      duplicates: await Report.ownedBy(tenant)
        .where('merged_into_id', report.id)
        .orderBy('id')
        .select('id', 'description'),
      reporter: await this.reporter(report),
    }
  }

  private async media(reportId: number): Promise<AgentMedia[]> {
    const rows = await db
      .from('signalement_report_media as rm')
      .join('media as m', 'm.id', 'rm.media_id')
      .where('rm.report_id', reportId)
      .orderBy('rm.position')
      .select('m.id', 'm.kind', 'm.state', 'm.variants', 'rm.hidden_reason', 'rm.hidden_at')
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      state: row.state,
      hiddenReason: row.hidden_reason,
      hiddenAt: row.hidden_at ? new Date(row.hidden_at).toISOString() : null,
      variants: row.state === 'ready' ? (row.variants as MediaVariant[]).map(variantJson) : [],
    }))
  }

  private async history(reportId: number) {
    const events = await ReportEvent.query().where('reportId', reportId).orderBy('id')
    const agentIds = [...new Set(events.map((event) => event.agentId).filter(Boolean))]
    const authorityIds = [
      ...new Set(
        events
          .flatMap((event) => [event.fromCollectivityId, event.toCollectivityId])
          .filter(Boolean)
      ),
    ]
    const agents = await db
      .from('agents')
      .whereIn('id', agentIds as number[])
      .select('id', 'full_name', 'email')
    const authorities = await db
      .from('collectivities')
      .whereIn('id', authorityIds as number[])
      .select('id', 'name')
    const agentName = new Map(agents.map((row) => [row.id, row.full_name || row.email]))
    const authorityName = new Map(authorities.map((row) => [row.id, row.name]))
    return events.map((event) => ({
      event,
      agent: event.agentId ? (agentName.get(event.agentId) ?? null) : null,
      from: event.fromCollectivityId ? (authorityName.get(event.fromCollectivityId) ?? null) : null,
      to: event.toCollectivityId ? (authorityName.get(event.toCollectivityId) ?? null) : null,
    }))
  }

  /** The commune, its EPCI and its département (reassignment stays within them). */
  private async lineage(communeId: number) {
    return db
      .from('collectivities as c')
      .join('collectivities as a', (join) =>
        join.on('a.id', 'c.id').orOn('a.id', 'c.epci_id').orOn('a.id', 'c.departement_id')
      )
      .where('c.id', communeId)
      .select('a.id', 'a.kind', 'a.name')
  }

  private async reporter(report: Report) {
    if (report.citizenId === null)
      return { name: report.reporterName, email: report.reporterEmail, source: report.source }
    const citizen = await db
      .from('citizens')
      .where('id', report.citizenId)
      .select('display_name', 'email')
      .first()
    return {
      name: citizen?.display_name ?? null,
      email: citizen?.email ?? null,
      source: report.source,
    }
  }
}

/**
 * A variant for the back-office page: its URL relative to the site the agent is on (the
 * back-office's Content-Security-Policy allows its own origin; APP_URL is for the apps).
 */
function variantJson(variant: MediaVariant) {
  return {
    name: variant.name,
    url: `/${variant.key}`,
    mime: variant.mime,
    width: variant.width,
    height: variant.height,
  }
}
