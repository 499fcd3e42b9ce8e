import type { ModuleStates } from '#kernel/territories/models/collectivity'

/** An authority's settings of the `reports` feature (see the manifest's schema and defaults). */
export interface ReportSettings {
  publicMap: boolean
  /** Published on the map at once, without waiting for an agent. */
  autoPublish: boolean
  /** Days after which an open report is flagged overdue. */
  overdueDays: number
  /** Citizens' flags after which a report is hidden pending review. */
  flagThreshold: number
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  publicMap: true,
  autoPublish: false,
  overdueDays: 15,
  flagThreshold: 3,
}

export function reportSettingsOf(modules: ModuleStates | null | undefined): ReportSettings {
  return { ...DEFAULT_REPORT_SETTINGS, ...(modules?.reports?.settings as Partial<ReportSettings>) }
}
