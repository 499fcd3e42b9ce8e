import type Tenant from '#kernel/tenancy/tenant'
import type Report from '#signalement/models/report'
import ListReportQueue from '#signalement/actions/list_report_queue'
import {
  CATEGORY_LABELS,
  MODERATION_LABELS,
  REPORT_STATUS_LABELS,
  TRANSITIONS,
} from '#signalement/vocabulary'

/**
 * The tabs of the signalement back-office (the module has one navigation entry, the queue; the
 * rest hangs from it). Category management and Open311 keys are the admins'.
 */
export function signalementTabs(tenant: Tenant) {
  const tabs = [
    { label: 'Liste', href: '/signalement' },
    { label: 'Carte', href: '/signalement/map' },
    { label: 'Statistiques', href: '/signalement/statistics' },
  ]
  if (tenant.can('signalement.configure')) {
    tabs.push(
      { label: 'Catégories', href: '/signalement/categories' },
      { label: 'Clés Open311', href: '/signalement/open311-keys' }
    )
  }
  return tabs
}

/** A row of the queue, its map marker and its CSV line all start from this. */
export function queueRow(report: Report) {
  return {
    id: report.id,
    category: CATEGORY_LABELS[report.categoryCode] ?? report.categoryCode,
    status: report.status,
    statusLabel: REPORT_STATUS_LABELS[report.status],
    moderation: MODERATION_LABELS[report.moderation],
    description: report.description,
    address: report.address,
    lat: report.lat,
    lng: report.lng,
    overdue: report.overdue,
    createdAt: report.createdAt.toISO(),
    next: TRANSITIONS[report.status].map((to) => ({ to, label: REPORT_STATUS_LABELS[to] })),
  }
}

/** The choices of the queue's filters; the commune filter lists the communes reports lie in. */
export async function queueFilterChoices(tenant: Tenant) {
  const communes =
    tenant.collectivity.kind === 'commune' ? [] : await new ListReportQueue().communes(tenant)
  return {
    statuses: Object.entries(REPORT_STATUS_LABELS).map(([value, label]) => ({ value, label })),
    categories: Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label })),
    communes: communes.map((row) => ({ value: row.id, label: row.name })),
  }
}
