import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Place from '#info/models/place'
import { placeAttributes, type PlaceInput } from '#info/actions/save_place'
import { DomainError } from '#kernel/http/errors'
import { TooLongError } from '#kernel/http/text_limits'
import { tooLongReason, type ImportReport } from '#info/support/import_report'

export interface PlaceCandidate {
  line: number
  sourceId: string
  input: PlaceInput
  /** False for a row the file marks as closed: kept, but not shown. */
  visible?: boolean
}

/**
 * Checks every candidate first (a bad row is reported with its reason, never written), then
 * writes the good ones in one transaction, matched on (collectivity, source, source id): a rerun
 * updates what it created and never duplicates. New rows are published at once (open data);
 * rows already there keep the state an agent gave them.
 */
export async function upsertPlaces(
  collectivityId: number,
  source: string,
  candidates: PlaceCandidate[],
  report: ImportReport,
  outer?: TransactionClientContract
) {
  const valid: Array<{
    candidate: PlaceCandidate
    attributes: ReturnType<typeof placeAttributes>
  }> = []
  for (const candidate of candidates) {
    try {
      valid.push({ candidate, attributes: placeAttributes(candidate.input) })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      report.rejected.push({
        line: candidate.line,
        sourceId: candidate.sourceId,
        reason: error instanceof TooLongError ? tooLongReason(error) : error.message,
      })
    }
  }
  report.rejected.sort((a, b) => a.line - b.line)
  const write = async (trx: TransactionClientContract) => {
    const now = DateTime.now()
    for (const { candidate, attributes } of valid) {
      const existing = await Place.query({ client: trx })
        .where({ collectivityId, source, sourceId: candidate.sourceId })
        .first()
      const place =
        existing ?? new Place().merge({ collectivityId, source, sourceId: candidate.sourceId })
      place.merge(attributes)
      if (!existing) {
        place.merge(
          candidate.visible === false
            ? { status: 'draft', publishAt: null }
            : { status: 'published', publishAt: now }
        )
      }
      await place.useTransaction(trx).save()
      report.accepted++
      if (existing) report.updated++
      else report.created++
    }
  }
  // Inside the caller's transaction when given (RunImport writes its audit record there).
  await (outer ? write(outer) : db.transaction(write))
  return report
}
