/*
| The yardstick of the feed benchmark: bare Node `http` + `pg` doing what the feed route does —
| the authority and its lineage by code, then the very feed SQL of ReadFeed (same builder, same
| bindings, same pool size) — and answering the same JSON shape.
*/
import http from 'node:http'
import { createRequire } from 'node:module'
import { LINEAGE_SQL, feedQuery, toPgPlaceholders } from '#info/support/feed_query'

interface Pool {
  query(sql: string, values: unknown[]): Promise<{ rows: any[] }>
}
const pg = createRequire(import.meta.url)('pg') as {
  Pool: new (config: Record<string, unknown>) => Pool
}

/** Every feed type the modules declare today (the manifests' `feed.types`). */
const FEED_TYPES = (
  process.env.FEED_TYPES ?? 'news,event,poll,consultation,budget,report_resolved'
).split(',')
const LIMIT = 20
const lineageSql = toPgPlaceholders(LINEAGE_SQL)

const pool = new pg.Pool({
  host: '127.0.0.1',
  user: 'postgres',
  database: process.env.DB_DATABASE,
  max: 10,
})

async function feed(code: string) {
  const { rows: lineage } = await pool.query(lineageSql, [code.toUpperCase()])
  if (!lineage.some((row) => row.is_self)) return null
  const ids = lineage.map((row) => row.id)
  const { sql, bindings } = feedQuery({
    collectivityIds: ids,
    types: FEED_TYPES,
    now: new Date(),
    take: LIMIT + 1,
  })
  const { rows } = await pool.query(toPgPlaceholders(sql), bindings)
  const byId = new Map(lineage.map((row) => [row.id, row]))
  return {
    data: rows.slice(0, LIMIT).map((row) => {
      const owner = byId.get(row.collectivity_id)
      return {
        type: row.type,
        id: row.item_id,
        title: row.title,
        summary: row.summary,
        image: null,
        published_at: row.published_at.toISOString(),
        starts_at: row.starts_at?.toISOString() ?? null,
        ends_at: row.ends_at?.toISOString() ?? null,
        origin: owner.kind,
        authority: { code: owner.code, name: owner.name, kind: owner.kind },
      }
    }),
    meta: { next_cursor: rows.length > LIMIT ? 'x' : null, limit: LIMIT },
  }
}

http
  .createServer(async (request, response) => {
    const match = /^\/api\/v1\/collectivities\/([^/?]+)\/feed/.exec(request.url ?? '')
    try {
      const body = match ? await feed(decodeURIComponent(match[1])) : null
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json; charset=utf-8' })
      response.end(
        JSON.stringify(body ?? { errors: [{ code: 'E_NOT_FOUND', message: 'introuvable' }] })
      )
    } catch (error) {
      response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ errors: [{ code: 'E_INTERNAL', message: String(error) }] }))
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1')
