import { readyLogoSql } from '#kernel/territories/ready_logo_sql'
/*
| The feed's one SQL statement, shared by the API action and the benchmark's bare Node server
| (so both measure the same query). It imports plain SQL only: the benchmark loads this file as is.
*/
export interface FeedQueryInput {
  /** The authorities whose items are merged (a commune, its EPCI, its département). */
  collectivityIds: number[]
  types: string[]
  now: Date
  /** Rows to return (the page size plus one, to know whether another page follows). */
  take: number
  /** Keyset position: items strictly older than this (published_at, id). */
  before?: { publishedAt: string; id: number }
}

/**
 * The authority named in a citizen path and the ones whose content it shows (itself, its EPCI,
 * its département), in one indexed query of a few columns: this runs on every citizen read.
 */
export const LINEAGE_SQL = `SELECT l.id, l.kind, l.code, l.name, l.modules, l.branding, ${readyLogoSql('l')} AS logo,
       l.id = s.id AS is_self
  FROM collectivities s
  JOIN collectivities l ON l.id IN (s.id, s.epci_id, s.departement_id)
  WHERE s.code = ?`

export const FEED_COLUMNS =
  'id, collectivity_id, type, item_id, title, summary, image_media_id, pinned, published_at, starts_at, ends_at'

/**
 * One index range scan per authority on (collectivity_id, published_at DESC, id DESC), each
 * stopped after `take` rows, merged and cut: the cost follows the page size, not the table.
 * Placeholders are `?` (Lucid/knex); `toPgPlaceholders` turns them into `$n` for bare pg.
 */
export function feedQuery(input: FeedQueryInput): { sql: string; bindings: unknown[] } {
  const bindings: unknown[] = []
  const typeList = input.types.map(() => '?').join(', ')
  const branches = input.collectivityIds.map((collectivityId) => {
    bindings.push(collectivityId, ...input.types, input.now, input.now, input.now)
    let sql =
      `SELECT ${FEED_COLUMNS} FROM feed_items WHERE collectivity_id = ? AND type IN (${typeList})` +
      ' AND published_at <= ? AND (expire_at IS NULL OR expire_at > ?) AND (ends_at IS NULL OR ends_at >= ?)'
    if (input.before) {
      sql += ' AND (published_at, id) < (?, ?)'
      bindings.push(input.before.publishedAt, input.before.id)
    }
    bindings.push(input.take)
    return `(${sql} ORDER BY published_at DESC, id DESC LIMIT ?)`
  })
  bindings.push(input.take)
  return {
    sql: `SELECT ${FEED_COLUMNS} FROM (${branches.join(' UNION ALL ')}) AS feed ORDER BY published_at DESC, id DESC LIMIT ?`,
    bindings,
  }
}

export function toPgPlaceholders(sql: string): string {
  let index = 0
  return sql.replace(/\?/g, () => `$${++index}`)
}
