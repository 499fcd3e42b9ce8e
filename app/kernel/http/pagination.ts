import vine from '@vinejs/vine'
import string from '@adonisjs/core/helpers/string'
import type { HttpRequest } from '@adonisjs/core/http'
import { DomainError } from '#kernel/http/errors'
import { apiValidator } from '#kernel/http/validation_messages'
import { INT4_MAX, isInt4Id, isInt8Id } from '#kernel/http/ids'
import { DateTime } from 'luxon'
import { isValidOffset } from '#kernel/http/dates'

export const DEFAULT_PAGE_LIMIT = 20
export const MAX_PAGE_LIMIT = 100

/** `?limit=` (1 to 100) and `?cursor=` of every paginated listing. */
export const pageQueryValidator = apiValidator({
  limit: vine.number().withoutDecimals().range([1, MAX_PAGE_LIMIT]).optional(),
  cursor: vine.string().trim().maxLength(512).optional(),
})

export interface PageRequest {
  limit: number
  cursor?: string
}

/** Reads and validates `?limit=&cursor=` (422 on a bad limit). */
export async function readPageRequest(request: HttpRequest): Promise<PageRequest> {
  const { limit, cursor } = await pageQueryValidator.validate(request.qs())
  return { limit: limit ?? DEFAULT_PAGE_LIMIT, cursor }
}

type SortValue = string | number

export class InvalidCursorError extends DomainError {
  constructor() {
    super('E_INVALID_CURSOR', 'Curseur de pagination invalide ou expiré', 400, 'cursor')
  }
}

/**
 * The cursor is opaque to clients: base64url of `[listing key, sort value, id]`. The listing key
 * makes a cursor of one listing useless on another.
 */
export function encodeCursor(listing: string, value: SortValue, id: number): string {
  return Buffer.from(JSON.stringify([listing, value, id])).toString('base64url')
}

/**
 * What a cursor's sort value must be, as the SQL column holds it: a value PostgreSQL would
 * refuse (a non-date for a timestamp, an int past 2³¹ for an integer, a NUL byte in text) is an
 * E_INVALID_CURSOR here, never an SQL error. A function checks a composite value.
 */
export type CursorValueKind =
  'timestamp' | 'int4' | 'numeric' | 'text' | ((value: string | number) => boolean)

/** The tie-breaker id's column type: `integer` (default) or `bigint`. */
export type CursorIdKind = 'int4' | 'int8'

/** An ISO 8601 instant as `toISOString()` / Luxon's `toISO()` write it, offset within ±14:00. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})$/

export function isIsoInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    ISO_INSTANT.test(value) &&
    !value.startsWith('0000') &&
    isValidOffset(value.slice(19).replace(/^\.\d+/, '')) &&
    DateTime.fromISO(value, { setZone: true }).isValid
  )
}

const MAX_TEXT_SORT_VALUE = 1000

function valueFits(kind: CursorValueKind, value: unknown): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false
  if (typeof kind === 'function') return kind(value)
  switch (kind) {
    case 'timestamp':
      return isIsoInstant(value)
    case 'int4':
      return Number.isInteger(value) && Math.abs(value as number) <= INT4_MAX
    case 'numeric':
      return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e15
    case 'text':
      return (
        typeof value === 'string' && value.length <= MAX_TEXT_SORT_VALUE && !value.includes('\0')
      )
  }
}

export function decodeCursor(
  listing: string,
  cursor: string,
  kind: CursorValueKind,
  idKind: CursorIdKind = 'int4'
): { value: SortValue; id: number } {
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError()
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) throw new InvalidCursorError()
  const [key, value, id] = decoded
  const validId = idKind === 'int8' ? isInt8Id(id) : isInt4Id(id)
  if (key !== listing || !valueFits(kind, value) || !validId) throw new InvalidCursorError()
  return { value, id }
}

/** The subset of Lucid's query builders (model or plain) the paginator needs. */
interface KeysetQuery<Row> {
  whereRaw(sql: string, bindings: SortValue[]): unknown
  orderBy(column: string, direction: 'asc' | 'desc'): unknown
  limit(count: number): unknown
  exec(): Promise<Row[]>
}

export interface KeysetOptions<Row> {
  /** Names the listing inside the cursor, e.g. `info.news`. */
  listing: string
  /** Sort column (not null), table-qualified when the query joins. */
  column: string
  /** The sort column's type, checked on every cursor read back (see `CursorValueKind`). */
  kind: CursorValueKind
  direction: 'asc' | 'desc'
  /** Tie-breaker column; `id` unless the query joins. */
  idColumn?: string
  /** Reads the sort value of a row; by default the camelCase attribute of `column`. */
  sortValueOf?: (row: Row) => unknown
}

export interface CursorPage<Row> {
  rows: Row[]
  meta: { next_cursor: string | null; limit: number }
  /** The response body: `{ data: [...], meta: { next_cursor, limit } }`. */
  toJSON<Out>(transform: (row: Row) => Out): {
    data: Out[]
    meta: { next_cursor: string | null; limit: number }
  }
}

/**
 * Keyset pagination over `(sort value, id)`: steady cost at any depth and no row skipped or
 * repeated when rows are added between two pages. The query must not set its own order or limit.
 */
export async function paginateByCursor<Row extends { id: number }>(
  query: KeysetQuery<Row>,
  page: PageRequest,
  options: KeysetOptions<Row>
): Promise<CursorPage<Row>> {
  const idColumn = options.idColumn ?? 'id'
  if (page.cursor) {
    const { value, id } = decodeCursor(options.listing, page.cursor, options.kind)
    const operator = options.direction === 'desc' ? '<' : '>'
    query.whereRaw(`(${quote(options.column)}, ${quote(idColumn)}) ${operator} (?, ?)`, [value, id])
  }
  query.orderBy(options.column, options.direction)
  query.orderBy(idColumn, options.direction)
  query.limit(page.limit + 1)

  const fetched = await query.exec()
  const rows = fetched.slice(0, page.limit)
  const last = rows.at(-1)
  const nextCursor =
    fetched.length > page.limit && last
      ? encodeCursor(options.listing, sortValue(last, options), last.id)
      : null
  const meta = { next_cursor: nextCursor, limit: page.limit }
  return {
    rows,
    meta,
    toJSON: (transform) => ({ data: rows.map(transform), meta }),
  }
}

function sortValue<Row>(row: Row, options: KeysetOptions<Row>): SortValue {
  const column = options.column.split('.').at(-1)!
  const raw = options.sortValueOf
    ? options.sortValueOf(row)
    : ((row as Record<string, unknown>)[string.camelCase(column)] ??
      (row as Record<string, unknown>)[column])
  if (raw instanceof Date) return raw.toISOString()
  if (
    typeof raw === 'object' &&
    raw !== null &&
    'toISO' in raw &&
    typeof raw.toISO === 'function'
  ) {
    return raw.toISO() as string
  }
  if (typeof raw === 'number' || typeof raw === 'string') return raw
  throw new Error(`paginateByCursor: the sort column "${options.column}" has no usable value`)
}

/** Quotes `table.column` for raw SQL; names come from code, never from the request. */
function quote(column: string): string {
  return column
    .split('.')
    .map((part) => `"${part.replace(/"/g, '""')}"`)
    .join('.')
}
