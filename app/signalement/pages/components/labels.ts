/** Paris time, French format, for the signalement pages. */
export const parisDate = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('fr-FR', {
        timeZone: 'Europe/Paris',
        dateStyle: 'short',
        timeStyle: 'short',
      })
    : '—'

/** A queue row as QueueController sends it (list, map, detail). */
export interface QueueRow {
  id: number
  category: string
  status: string
  statusLabel: string
  moderation: string
  description: string
  address: string | null
  lat: number
  lng: number
  overdue: boolean
  createdAt: string
  next: { to: string; label: string }[]
}

/** Marker colours by status (distinct for colour-blind readers too: the legend and list say it in words). */
export const STATUS_COLOURS: Record<string, string> = {
  submitted: '#b91c1c',
  acknowledged: '#c2410c',
  in_progress: '#1d4ed8',
  resolved: '#15803d',
  rejected: '#475569',
}

type Choice = { value: string | number; label: string }

/** What the list and the map of the queue receive alike. */
export interface QueuePageProps {
  filters: {
    status?: string
    category?: string
    communeId?: number
    overdue?: boolean
    from?: string
    to?: string
  }
  reports: QueueRow[]
  truncated: boolean
  statuses: Choice[]
  categories: Choice[]
  communes: Choice[]
  tabs: { label: string; href: string }[]
}
