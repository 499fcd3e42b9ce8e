import { DateTime } from 'luxon'
import type Tenant from '#kernel/tenancy/tenant'
import Report from '#signalement/models/report'
import type { ReportStatus } from '#signalement/vocabulary'

export interface QueueFilters {
  status?: ReportStatus
  category?: string
  overdue?: boolean
  from?: string
  to?: string
}

/** The current authority's reports, newest first, filtered as the agent asks (at most 500). */
export default class ListReportQueue {
  async handle(tenant: Tenant, filters: QueueFilters) {
    const query = Report.ownedBy(tenant).whereNull('merged_into_id')
    if (filters.status) query.where('status', filters.status)
    if (filters.category) query.where('category_code', filters.category)
    if (filters.overdue) query.where('overdue', true)
    if (filters.from)
      query.where(
        'created_at',
        '>=',
        DateTime.fromISO(filters.from, { zone: 'Europe/Paris' }).toJSDate()
      )
    if (filters.to) {
      query.where(
        'created_at',
        '<',
        DateTime.fromISO(filters.to, { zone: 'Europe/Paris' }).plus({ days: 1 }).toJSDate()
      )
    }
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500)
  }
}
