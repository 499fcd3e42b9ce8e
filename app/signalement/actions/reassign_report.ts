import db from '@adonisjs/lucid/services/db'
import { ConflictError, DomainError } from '#kernel/http/errors'
import type Tenant from '#kernel/tenancy/tenant'
import ReportEvent from '#signalement/models/report_event'
import { lockedReport } from '#signalement/support/locked_report'

/**
 * Hands a report to another authority of its commune's lineage (commune → EPCI → département,
 * or back down), keeping its history: the new handler's agents see it, ours no longer do.
 */
export default class ReassignReport {
  async handle(
    tenant: Tenant,
    input: { reportId: number; toCollectivityId: number; internalNote?: string | null }
  ) {
    return db.transaction(async (trx) => {
      const report = await lockedReport(tenant, input.reportId, trx)
      // A merged duplicate is closed; its supports and photos live on in the original, which
      // is the one to hand over (handing the copy alone would split the case between two).
      if (report.mergedIntoId !== null) {
        throw new ConflictError(
          'E_REPORT_MERGED',
          `Ce signalement a été regroupé avec le signalement n° ${report.mergedIntoId} : confiez plutôt le n° ${report.mergedIntoId} à une autre collectivité`
        )
      }
      const lineage = await trx
        .from('collectivities')
        .where('id', report.communeId)
        .select('id', 'epci_id', 'departement_id')
        .first()
      const allowed = [lineage.id, lineage.epci_id, lineage.departement_id].filter(Boolean)
      if (
        !allowed.includes(input.toCollectivityId) ||
        input.toCollectivityId === report.collectivityId
      ) {
        throw new DomainError(
          'E_INVALID_REASSIGNMENT',
          'Un signalement ne peut être confié qu’à la commune, à l’intercommunalité ou au département où il se trouve',
          422,
          'toCollectivityId'
        )
      }
      const from = report.collectivityId
      report.collectivityId = input.toCollectivityId
      report.overdue = false
      await report.save()
      await ReportEvent.create(
        {
          reportId: report.id,
          kind: 'reassigned',
          agentId: tenant.agent.id,
          fromCollectivityId: from,
          toCollectivityId: input.toCollectivityId,
          internalNote: input.internalNote ?? null,
        },
        { client: trx }
      )
      return report
    })
  }
}
