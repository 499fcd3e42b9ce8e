/*
| The yardstick of the feed benchmark: bare Node `http` + `pg` doing what the feed route does —
| the authority by code, its lineage, then the very feed SQL of ReadFeed (same builder, same
| bindings, same pool size) — and answering the same JSON shape.
*/
import http from 'node:http'
import { createRequire } from 'node:module'
import { feedQuery, toPgPlaceholders } from '#info/support/feed_query'

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

const pool = new pg.Pool({
  host: '127.0.0.1',
  user: 'postgres',
  database: process.env.DB_DATABASE,
  max: 10,
})

async function feed(code: string) {
  const { rows: found } = await pool.query(
    'SELECT id, kind, code, name, epci_id, departement_id FROM collectivities WHERE code = $1 LIMIT 1',
    [code]
  )
  if (found.length === 0) return null
  const self = found[0]
  const ids = [self.id, self.epci_id, self.departement_id].filter((id) => id !== null)
  const { rows: lineage } = await pool.query(
    'SELECT id, kind, code, name FROM collectivities WHERE id = ANY($1)',
    [ids]
  )
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
