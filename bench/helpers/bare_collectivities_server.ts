/*
| The yardstick of the API benchmark: bare Node `http` + `pg`, running the very SQL of the
| territories actions (same bindings, same pool size), answering `{ data }` as JSON.
*/
import http from 'node:http'
import { createRequire } from 'node:module'
import { toPgPlaceholders } from '#info/support/feed_query'
import {
  SEARCH_COLLECTIVITIES_SQL,
  searchCollectivitiesBindings,
} from '#kernel/territories/queries/search_collectivities_sql'
import {
  SHOW_COLLECTIVITY_SQL,
  kindOfCode,
} from '#kernel/territories/queries/show_collectivity_sql'

/** The part of `pg` this server uses (the package ships no types). */
interface Pool {
  query(sql: string, values: unknown[]): Promise<{ rows: unknown[] }>
}
const pg = createRequire(import.meta.url)('pg') as {
  Pool: new (config: Record<string, unknown>) => Pool
}

const searchSql = toPgPlaceholders(SEARCH_COLLECTIVITIES_SQL)
const showSql = toPgPlaceholders(SHOW_COLLECTIVITY_SQL)

const pool = new pg.Pool({
  host: '127.0.0.1',
  user: 'postgres',
  database: process.env.DB_DATABASE,
  max: 10,
})

function send(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(body))
}

http
  .createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    try {
      if (url.pathname === '/api/v1/collectivities') {
        const q = url.searchParams.get('q') ?? ''
        const { rows } = await pool.query(searchSql, searchCollectivitiesBindings({ q, limit: 20 }))
        return send(response, 200, { data: rows })
      }
      const code = url.pathname.split('/')[4] ?? ''
      const kind = kindOfCode(code)
      const { rows } = kind ? await pool.query(showSql, [kind, code]) : { rows: [] }
      return rows[0] ? send(response, 200, { data: rows[0] }) : send(response, 404, { errors: [] })
    } catch (error) {
      send(response, 500, { errors: [{ message: String(error) }] })
    }
  })
  .listen(Number(process.env.PORT))
