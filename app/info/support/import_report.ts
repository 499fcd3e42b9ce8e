/** What an import did, row by row: shown by the command, the back-office and returned by the API. */
export interface ImportReport {
  accepted: number
  created: number
  updated: number
  rejected: Array<{ line: number; sourceId?: string; reason: string }>
}

export function emptyReport(): ImportReport {
  return { accepted: 0, created: 0, updated: 0, rejected: [] }
}
