/**
 * The signalement module's fixed vocabularies: stored values and the French labels the
 * back-office, the API and Open311 show. Exported for the shared vocabularies endpoint.
 */
export const HANDLING_LEVELS = ['commune', 'epci', 'departement'] as const
export type HandlingLevel = (typeof HANDLING_LEVELS)[number]

export const HANDLING_LEVEL_LABELS: Record<HandlingLevel, string> = {
  commune: 'Commune',
  epci: 'Intercommunalité',
  departement: 'Département',
}

/** The default catalogue, seeded for every authority at onboarding, and who handles what. */
export const DEFAULT_CATEGORIES = [
  { code: 'voirie', label: 'Voirie / nid-de-poule', level: 'commune' },
  { code: 'eclairage', label: 'Éclairage public', level: 'commune' },
  { code: 'proprete', label: 'Propreté', level: 'commune' },
  { code: 'depot_sauvage', label: 'Dépôt sauvage', level: 'commune' },
  { code: 'mobilier_urbain', label: 'Mobilier urbain', level: 'commune' },
  { code: 'espaces_verts', label: 'Espaces verts', level: 'commune' },
  { code: 'signalisation', label: 'Signalisation', level: 'commune' },
  { code: 'eau_assainissement', label: 'Eau et assainissement', level: 'epci' },
  { code: 'route_departementale', label: 'Route départementale', level: 'departement' },
  { code: 'autre', label: 'Autre', level: 'commune' },
] as const satisfies ReadonlyArray<{ code: string; label: string; level: HandlingLevel }>

export const CATEGORY_LABELS: Record<string, string> = Object.fromEntries(
  DEFAULT_CATEGORIES.map((category) => [category.code, category.label])
)

export const REPORT_STATUSES = [
  'submitted',
  'acknowledged',
  'in_progress',
  'resolved',
  'rejected',
] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  submitted: 'Déposé',
  acknowledged: 'Pris en compte',
  in_progress: 'En cours',
  resolved: 'Résolu',
  rejected: 'Rejeté',
}

/** The workflow: from each status, where an agent may take a report. Closed ones reopen. */
export const TRANSITIONS: Record<ReportStatus, ReportStatus[]> = {
  submitted: ['acknowledged', 'in_progress', 'resolved', 'rejected'],
  acknowledged: ['in_progress', 'resolved', 'rejected'],
  in_progress: ['resolved', 'rejected'],
  resolved: ['acknowledged'],
  rejected: ['acknowledged'],
}

export const OPEN_STATUSES: ReportStatus[] = ['submitted', 'acknowledged', 'in_progress']

/** Off the public map until accepted (or auto-published); hidden by moderation or by flags. */
export const MODERATION_STATES = ['pending', 'published', 'hidden'] as const
export type ModerationState = (typeof MODERATION_STATES)[number]

export const MODERATION_LABELS: Record<ModerationState, string> = {
  pending: 'En attente de modération',
  published: 'Publié',
  hidden: 'Masqué',
}

export const REPORT_LIMITS = {
  descriptionMaxLength: 4000,
  photos: 5,
  videos: 1,
  /** "Nearby" means within this many metres. */
  nearbyMetres: 100,
} as const

/** The labels every client shows instead of codes (GET /api/v1/vocabularies). */
export const SIGNALEMENT_VOCABULARIES: Record<string, Record<string, string>> = {
  report_categories: CATEGORY_LABELS,
  report_statuses: REPORT_STATUS_LABELS,
  report_handling_levels: HANDLING_LEVEL_LABELS,
  report_moderation: MODERATION_LABELS,
}
