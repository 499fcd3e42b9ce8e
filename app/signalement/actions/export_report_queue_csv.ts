import { type DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Tenant from '#kernel/tenancy/tenant'
import { csvLine, csvStart } from '#kernel/http/csv'
import ListReportQueue, { type QueueFilters } from '#signalement/actions/list_report_queue'
import type Report from '#signalement/models/report'
import { CATEGORY_LABELS, MODERATION_LABELS, REPORT_STATUS_LABELS } from '#signalement/vocabulary'

const HEADERS = [
  'N°',
  'Catégorie',
  'Statut',
  'Modération',
  'En retard',
  'Commune',
  'Adresse',
  'Latitude',
  'Longitude',
  'Description',
  'Soutiens',
  'Déposé le',
  'Pris en compte le',
  'Clos le',
  'Message public',
]

/** Rows read per query: a département's 50,000 reports never sit in memory at once. */
export const EXPORT_BATCH_SIZE = 500

const parisTime = (value: DateTime | null) =>
  value ? value.setZone('Europe/Paris').toFormat('dd/MM/yyyy HH:mm') : null

/**
 * The queue as the agent filtered it, every row (not only the page's 500), as a CSV file for
 * French spreadsheets (UTF-8 with BOM, `;`, French headers and labels, Paris times), yielded
 * piece by piece for the response stream: keyset pages over (created_at, id), the queue's
 * own order, so that a report filed during the download neither shifts nor repeats a row.
 */
export default class ExportReportQueueCsv {
  async *handle(
    tenant: Tenant,
    filters: QueueFilters,
    batchSize = EXPORT_BATCH_SIZE
  ): AsyncGenerator<string> {
    yield csvStart(HEADERS)
    const communeName = new Map<number, string>()
    let after: Report | undefined
    while (true) {
      const query = new ListReportQueue()
        .query(tenant, filters)
        // The key as PostgreSQL's text: a JS date would drop the microseconds and skip rows.
        .select('signalement_reports.*', db.raw('created_at::text AS keyset_created_at'))
        .limit(batchSize)
      if (after) {
        query.whereRaw('(created_at, id) < (?::timestamptz, ?)', [
          after.$extras.keyset_created_at,
          after.id,
        ])
      }
      const reports = await query
      if (reports.length === 0) return
      await this.nameCommunes(reports, communeName)
      yield reports.map((report) => csvLine(this.row(report, communeName))).join('')
      if (reports.length < batchSize) return
      after = reports[reports.length - 1]
    }
  }

  /** The names of the communes this page adds (an EPCI's export spans a few dozen). */
  private async nameCommunes(reports: Report[], names: Map<number, string>) {
    const missing = [...new Set(reports.map((report) => report.communeId))].filter(
      (id) => !names.has(id)
    )
    if (missing.length === 0) return
    const rows = await db.from('collectivities').whereIn('id', missing).select('id', 'name')
    for (const row of rows) names.set(row.id, row.name)
  }

  private row(report: Report, communeName: Map<number, string>) {
    return [
      report.id,
      CATEGORY_LABELS[report.categoryCode] ?? report.categoryCode,
      REPORT_STATUS_LABELS[report.status],
      MODERATION_LABELS[report.moderation],
      report.overdue,
      communeName.get(report.communeId) ?? null,
      report.address,
      report.lat,
      report.lng,
      report.description,
      report.supportsCount,
      parisTime(report.createdAt),
      parisTime(report.acknowledgedAt),
      parisTime(report.resolvedAt),
      report.publicMessage,
    ]
  }
}
