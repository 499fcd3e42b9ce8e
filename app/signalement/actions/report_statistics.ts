import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Tenant from '#kernel/tenancy/tenant'
import { CATEGORY_LABELS } from '#signalement/vocabulary'

export interface StatisticsRow {
  category: string
  categoryLabel: string
  /** `YYYY-MM` (Paris), or null for the category's total over the period. */
  month: string | null
  received: number
  resolved: number
  /** Median hours from submission to resolution of the resolved ones; null when none. */
  medianHoursToResolve: number | null
}

/**
 * Per category and month of submission (Paris time), over the last `months` months: reports
 * received, resolved, and the median time to resolve; plus each category's totals over the
 * period (one statement, grouping sets). Duplicates merged into another report do not count.
 */
const STATISTICS_SQL = `SELECT category_code, month, GROUPING(month) AS total,
    count(*)::int AS received,
    (count(*) FILTER (WHERE status = 'resolved'))::int AS resolved,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at))
      FILTER (WHERE status = 'resolved') AS median_seconds
  FROM (
    SELECT category_code, status, created_at, resolved_at,
      to_char(created_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM') AS month
    FROM signalement_reports
    WHERE collectivity_id = ? AND merged_into_id IS NULL AND created_at >= ?
  ) r
  GROUP BY GROUPING SETS ((category_code, month), (category_code))
  ORDER BY category_code, month NULLS FIRST`

export default class ReportStatistics {
  async handle(tenant: Tenant, input: { months: number; now?: DateTime }) {
    const now = (input.now ?? DateTime.now()).setZone('Europe/Paris')
    const start = now.startOf('month').minus({ months: input.months - 1 })
    const { rows } = await db.rawQuery(STATISTICS_SQL, [tenant.collectivityId, start.toJSDate()])
    const months = Array.from({ length: input.months }, (_, index) =>
      start.plus({ months: index }).toFormat('yyyy-MM')
    )
    const statistics: StatisticsRow[] = rows.map((row: any) => ({
      category: row.category_code,
      categoryLabel: CATEGORY_LABELS[row.category_code] ?? row.category_code,
      month: row.total === 1 ? null : row.month,
      received: row.received,
      resolved: row.resolved,
      medianHoursToResolve:
        row.median_seconds === null
          ? null
          : Math.round((Number(row.median_seconds) / 3600) * 10) / 10,
    }))
    return { months, rows: statistics }
  }
}
