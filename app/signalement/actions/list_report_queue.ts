import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Tenant from '#kernel/tenancy/tenant'
import Report from '#signalement/models/report'
import type { ReportStatus } from '#signalement/vocabulary'

export interface QueueFilters {
  status?: ReportStatus
  category?: string
  /** The commune where the report is (an EPCI's or a département's queue spans many). */
  communeId?: number
  overdue?: boolean
  from?: string
  to?: string
}

/** The most rows a page of the queue (list or map) shows; the CSV export takes them all. */
export const QUEUE_PAGE_LIMIT = 500

/** The current authority's reports, newest first, filtered as the agent asks. */
export default class ListReportQueue {
  async handle(tenant: Tenant, filters: QueueFilters, limit: number | null = QUEUE_PAGE_LIMIT) {
    const query = this.query(tenant, filters)
    return limit === null ? query : query.limit(limit)
  }

  /** The filtered queue as a query, newest first (created_at, then id: a keyset for pages). */
  query(tenant: Tenant, filters: QueueFilters) {
    const query = Report.ownedBy(tenant).whereNull('merged_into_id')
    if (filters.status) query.where('status', filters.status)
    if (filters.category) query.where('category_code', filters.category)
    if (filters.communeId) query.where('commune_id', filters.communeId)
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
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc')
  }

  /** The communes the authority's reports lie in, by name: the choices of the commune filter. */
  async communes(tenant: Tenant): Promise<Array<{ id: number; name: string }>> {
    return db
      .from('collectivities')
      .whereIn(
        'id',
        db
          .from('signalement_reports')
          .where('collectivity_id', tenant.collectivityId)
          .select('commune_id')
      )
      .orderBy('name')
      .select('id', 'name')
  }
}
