import type ShowReportForAgent from '#signalement/actions/show_report_for_agent'
import {
  HANDLING_LEVEL_LABELS,
  REPORT_STATUS_LABELS,
  type ReportStatus,
} from '#signalement/vocabulary'
import type { ReportEventKind } from '#signalement/models/report_event'

type Detail = Awaited<ReturnType<ShowReportForAgent['handle']>>

const EVENT_LABELS: Record<ReportEventKind, string> = {
  submitted: 'Déposé',
  transition: 'Changement de statut',
  note: 'Note',
  reassigned: 'Confié à une autre collectivité',
  merged: 'Doublon regroupé',
  unmerged: 'Regroupement annulé',
  published: 'Publié sur la carte',
  hidden: 'Masqué de la carte',
  photo_hidden: 'Média masqué',
  photo_unhidden: 'Média de nouveau visible',
  flagged_hidden: 'Masqué après signalements d’habitants',
}

const statusLabel = (status: string | null) =>
  status ? (REPORT_STATUS_LABELS[status as ReportStatus] ?? status) : null

/** What the detail page adds to the queue's row: reporter, media, history, lineage, links. */
export function reportDetailProps(detail: Detail) {
  const { report } = detail
  return {
    publicMessage: report.publicMessage,
    supportsCount: report.supportsCount,
    anonymous: report.anonymous,
    mergedIntoId: report.mergedIntoId,
    acknowledgedAt: report.acknowledgedAt?.toISO() ?? null,
    resolvedAt: report.resolvedAt?.toISO() ?? null,
    reporter: detail.reporter,
    mediaUrl: report.mediaUrl,
    deviceId: report.deviceId,
    photos: detail.media.filter((item) => item.kind === 'image'),
    video: detail.media.find((item) => item.kind === 'video') ?? null,
    duplicates: detail.duplicates.map((row) => ({ id: row.id, description: row.description })),
    reassignTo: detail.lineage
      .filter((row) => row.id !== report.collectivityId)
      .map((row) => ({
        id: row.id,
        label: `${row.name} (${HANDLING_LEVEL_LABELS[row.kind as keyof typeof HANDLING_LEVEL_LABELS] ?? row.kind})`,
      })),
    history: detail.events.map(({ event, agent, from, to }) => ({
      id: event.id,
      kind: event.kind,
      label: EVENT_LABELS[event.kind] ?? event.kind,
      fromStatus: statusLabel(event.fromStatus),
      toStatus: statusLabel(event.toStatus),
      publicMessage: event.publicMessage,
      internalNote: event.internalNote,
      agent,
      from,
      to,
      at: event.createdAt.toISO(),
    })),
  }
}
