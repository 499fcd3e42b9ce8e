import { DateTime } from 'luxon'
import AuditLog from '#kernel/accounts/models/audit_log'
import type Tenant from '#kernel/tenancy/tenant'
import { actionLabel, auditSentence } from '#kernel/accounts/audit_sentences'

export interface AuditFilters {
  agentId?: number | null
  action?: string | null
  from?: string | null
  to?: string | null
  page?: number
}

export const AUDIT_PAGE_SIZE = 25

/** The audit trail of the current authority, newest first, filtered and paginated. */
export default class ListAuditLogs {
  async handle(tenant: Tenant, filters: AuditFilters) {
    const query = AuditLog.query()
      .where('collectivityId', tenant.collectivityId)
      .preload('agent')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
    if (filters.agentId) query.where('agentId', filters.agentId)
    if (filters.action) query.where('action', filters.action)
    if (filters.from)
      query.where(
        'at',
        '>=',
        DateTime.fromISO(filters.from, { zone: 'Europe/Paris' }).startOf('day').toISO()!
      )
    if (filters.to)
      query.where(
        'at',
        '<=',
        DateTime.fromISO(filters.to, { zone: 'Europe/Paris' }).endOf('day').toISO()!
      )
    const page = await query.paginate(Math.max(1, filters.page ?? 1), AUDIT_PAGE_SIZE)
    return {
      rows: page.all().map((log) => {
        const row = {
          id: log.id,
          at: log.at.setZone('Europe/Paris').toISO(),
          action: log.action,
          actionLabel: actionLabel(log.action),
          agent: log.agent ? (log.agent.fullName ?? log.agent.email) : null,
          subjectType: log.subjectType,
          subjectId: log.subjectId,
          before: log.before,
          after: log.after,
          ip: log.ip,
        }
        return { ...row, sentence: auditSentence(row) }
      }),
      meta: { total: page.total, currentPage: page.currentPage, lastPage: page.lastPage },
    }
  }

  /** The distinct actions recorded for the authority, with their French names, for the filter. */
  async actions(tenant: Tenant): Promise<Array<{ value: string; label: string }>> {
    const rows = await AuditLog.query()
      .where('collectivityId', tenant.collectivityId)
      .distinct('action')
      .orderBy('action')
    return rows
      .map((row) => ({ value: row.action, label: actionLabel(row.action) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fr'))
  }
}
