import type { HttpContext } from '@adonisjs/core/http'
import { DateTime } from 'luxon'
import { NotFoundError } from '#kernel/http/errors'
import type ParticipationItem from '#participation/models/participation_item'
import { ITEM_KINDS, type ItemKind } from '#participation/support/kinds'
import { AUDIENCE_LABELS } from '#participation/support/eligibility'
import { csvDisposition } from '#kernel/http/csv'
import { parisDateTime, parisInput } from '#participation/support/window'

/** What the back-office pages of polls and consultations share. */
export const VISIBILITY_LABELS = {
  live: 'En direct',
  after_close: 'Après la clôture',
  never: 'Jamais (agents seulement)',
}

export function routeId(value: unknown): number {
  const id = Number(value)
  if (!Number.isSafeInteger(id) || id < 1) throw new NotFoundError()
  return id
}

/** A row of the list: its state reads the window for a published item. */
export function listRow(item: ParticipationItem, answers: number, now: DateTime = DateTime.now()) {
  return {
    id: item.id,
    title: item.title,
    status: item.status,
    state: item.status === 'draft' ? 'draft' : item.stateAt(now),
    opensAt: item.opensAt.toISO(),
    closesAt: item.closesAt.toISO(),
    answers,
  }
}

/** The form values every item has (dates as Paris `datetime-local`). */
export function commonFormValues(item: ParticipationItem) {
  return {
    title: item.title,
    description: item.description,
    opensAt: parisInput(item.opensAt),
    closesAt: parisInput(item.closesAt),
    audience: item.audience,
    resultsVisibility: item.resultsVisibility,
  }
}

export function windowOf(values: { opensAt: string; closesAt: string }) {
  return {
    opensAt: parisDateTime(values.opensAt, 'opensAt'),
    closesAt: parisDateTime(values.closesAt, 'closesAt'),
  }
}

/** Number of answers (or submissions) per item id. */
export async function answerCounts(kind: ItemKind, ids: number[]): Promise<Map<number, number>> {
  const { submissions, parentColumn } = ITEM_KINDS[kind]
  if (ids.length === 0) return new Map()
  const rows = await submissions
    .query()
    .whereIn(parentColumn, ids)
    .groupBy(parentColumn)
    .select(parentColumn)
    .count('* as total')
  return new Map(
    rows.map((row) => [
      Number(row.$extras[parentColumn] ?? (row as any)[parentColumn]),
      Number(row.$extras.total),
    ])
  )
}

export const formOptions = {
  audiences: AUDIENCE_LABELS,
  visibilities: VISIBILITY_LABELS,
}

export function sendCsv(
  response: HttpContext['response'],
  file: { filename: string; content: string }
) {
  response.header('Content-Type', 'text/csv; charset=utf-8')
  response.header('Content-Disposition', csvDisposition(file.filename))
  return response.send(file.content)
}
