import { type DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Tenant from '#kernel/tenancy/tenant'
import { toCsv } from '#kernel/http/csv'
import ListReportQueue, { type QueueFilters } from '#signalement/actions/list_report_queue'
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

const parisTime = (value: DateTime | null) =>
  value ? value.setZone('Europe/Paris').toFormat('dd/MM/yyyy HH:mm') : null

/**
 * The queue as the agent filtered it, every row (not only the page's 500), as a CSV file for
 * French spreadsheets (UTF-8 with BOM, `;`, French headers and labels, Paris times).
 */
export default class ExportReportQueueCsv {
  async handle(tenant: Tenant, filters: QueueFilters): Promise<string> {
    const reports = await new ListReportQueue().handle(tenant, filters, null)
    const communes = await db
      .from('collectivities')
      .whereIn('id', [...new Set(reports.map((report) => report.communeId))])
      .select('id', 'name')
    const communeName = new Map(communes.map((row) => [row.id, row.name as string]))
    return toCsv(
      HEADERS,
      reports.map((report) => [
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
      ])
    )
  }
}
