import { assertTextLimits, TooLongError, type TextLimits } from '#kernel/http/text_limits'

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

/** Thrown by a row parser to reject one row with its reason; the import goes on. */
export class RowRejected extends Error {}

export function rejectRow(reason: string): never {
  throw new RowRejected(reason)
}

/**
 * Runs `parse` over the rows of an import file, keeping what it returns and recording every
 * row it rejects (or that the reader already found broken) in the report, with its line and
 * source id. Any other error is a bug and is not swallowed.
 */
export function parseRows<Values, Candidate>(
  rows: Array<{ line: number; values: Values; problem?: string | null }>,
  report: ImportReport,
  sourceIdOf: (values: Values) => string | undefined,
  parse: (values: Values, line: number, sourceId: string) => Candidate
): Candidate[] {
  const candidates: Candidate[] = []
  for (const { line, values, problem } of rows) {
    const sourceId = sourceIdOf(values) ?? ''
    try {
      if (problem) rejectRow(problem)
      candidates.push(parse(values, line, sourceId))
    } catch (error) {
      if (!(error instanceof RowRejected)) throw error
      report.rejected.push({ line, sourceId: sourceId || undefined, reason: error.message })
    }
  }
  return candidates
}

/** How a row over the form's text limits is reported: `name : Au plus 255 caractères`. */
export function tooLongReason(error: TooLongError) {
  return `${error.field} : ${error.message}`
}

/**
 * The reason a row breaks the form's text limits, or null: `values` and `limits` are keyed by
 * the file's columns, each limit taken from the form's own table (`CANTEEN_TEXT_LIMITS`…).
 */
export function overTextLimits(values: object, limits: TextLimits): string | null {
  try {
    assertTextLimits(values, limits)
    return null
  } catch (error) {
    if (!(error instanceof TooLongError)) throw error
    return tooLongReason(error)
  }
}
