/*
| The yardstick of the reports benchmark: bare Node `http` + `pg` doing what the two routes do,
| with the very SQL of the actions (same statements, same pool size):
|   POST /api/v1/reports — the bearer token and its citizen (VERIFY_CITIZEN_TOKEN_SQL, which
|     also stamps `last_used_at` as the API's token provider does), the commune at the point (FIND_COMMUNE_SQL),
|     the lineage's setting of the category (LINEAGE_CATEGORY_SQL), then in one transaction the
|     report and its first history line, and the report as the public sees it (REPORT_BY_ID_SQL);
|   GET /api/v1/collectivities/:code/reports?format=geojson&bbox=… — PUBLIC_MAP_SQL (the territory
|     by code and its features serialised by PostgreSQL), answered as the same text (publicMapBody).
| No rate limit, no validation library, no framework: the floor under Bastide's figures.
*/
import http from 'node:http'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import {
  VERIFY_CITIZEN_TOKEN_SQL,
  verifyCitizenTokenBindings,
} from '#kernel/accounts/citizens/citizen_token_sql'
import { FIND_COMMUNE_SQL } from '#kernel/territories/queries/find_commune_sql'
import { toPgPlaceholders } from '#info/support/feed_query'
import { LINEAGE_CATEGORY_SQL } from '#signalement/support/routing_sql'
import { PUBLIC_MAP_SQL, REPORT_BY_ID_SQL } from '#signalement/support/public_reports_sql'
import {
  publicMapBody,
  publicMapParameters,
  publicReportJson,
} from '#signalement/transformers/report_json'

interface PoolClient {
  query(sql: string, values?: unknown[]): Promise<{ rows: any[] }>
  release(): void
}
interface Pool {
  query(sql: string, values?: unknown[]): Promise<{ rows: any[] }>
  connect(): Promise<PoolClient>
}
const pg = createRequire(import.meta.url)('pg') as {
  Pool: new (config: Record<string, unknown>) => Pool
}
const pool = new pg.Pool({
  host: '127.0.0.1',
  user: 'postgres',
  database: process.env.DB_DATABASE,
  max: 10,
})

const VERIFY_TOKEN = toPgPlaceholders(VERIFY_CITIZEN_TOKEN_SQL)
const FIND_COMMUNE = toPgPlaceholders(FIND_COMMUNE_SQL)
const LINEAGE = toPgPlaceholders(LINEAGE_CATEGORY_SQL)
const BY_ID = toPgPlaceholders(REPORT_BY_ID_SQL)
const LIMIT = 20

function send(
  response: http.ServerResponse,
  status: number,
  body: unknown,
  type = 'application/json'
) {
  response.writeHead(status, { 'content-type': `${type}; charset=utf-8` })
  response.end(typeof body === 'string' ? body : JSON.stringify(body))
}

async function citizenOf(header: string | undefined): Promise<number | null> {
  const match = /^Bearer bst_([^.]+)\.(.+)$/.exec(header ?? '')
  if (!match) return null
  const id = Number(Buffer.from(match[1], 'base64url').toString())
  const secret = Buffer.from(match[2], 'base64url').toString()
  const hash = createHash('sha256').update(secret).digest('hex')
  const { rows } = await pool.query(VERIFY_TOKEN, verifyCitizenTokenBindings(id, hash))
  return rows[0]?.id ?? null
}

async function submit(citizenId: number, body: any) {
  const { lat, lng } = body.position
  const { rows: found } = await pool.query(FIND_COMMUNE, [lng, lat])
  const communeId = found[0]?.id
  if (!communeId) return null
  const { rows: lineage } = await pool.query(LINEAGE, [body.category, communeId])
  const commune = lineage.find((row) => row.kind === 'commune')
  const level =
    commune?.handling_level ??
    lineage.find((row) => row.kind === 'epci')?.handling_level ??
    lineage.find((row) => row.kind === 'departement')?.handling_level ??
    'commune'
  const handler = lineage.find((row) => row.kind === level) ?? commune
  const reportId = await inTransaction(async (client) => {
    const { rows } = await client.query(
      `INSERT INTO signalement_reports (collectivity_id, commune_id, category_code, description, lat, lng,
         address, citizen_id, source, anonymous, status, moderation, flags_count, supports_count, overdue,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'app', false, 'submitted', $9, 0, 0, false, now(), now())
       RETURNING id`,
      [
        handler.id,
        communeId,
        body.category,
        body.description,
        lat,
        lng,
        body.address ?? null,
        citizenId,
        handler.modules?.reports?.settings?.autoPublish ? 'published' : 'pending',
      ]
    )
    await client.query(
      `INSERT INTO signalement_report_events (report_id, kind, to_status, to_collectivity_id, created_at)
       VALUES ($1, 'submitted', 'submitted', $2, now())`,
      [rows[0].id, handler.id]
    )
    return rows[0].id as number
  })
  const { rows: shown } = await pool.query(BY_ID, [reportId])
  return { data: { ...publicReportJson(shown[0]), merged_into: shown[0].merged_into_id } }
}

/** The connection goes back to the pool before anything else is asked of the pool (no deadlock). */
async function inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}

async function territoryMap(code: string, search: URLSearchParams) {
  const bbox = (search.get('bbox') ?? '').split(',').map(Number)
  const box = bbox.length === 4 ? (bbox as [number, number, number, number]) : null
  const { rows } = await pool.query(
    PUBLIC_MAP_SQL,
    publicMapParameters({ code, bbox: box, limit: LIMIT })
  )
  return rows[0].found ? publicMapBody(rows[0], LIMIT) : null
}

http
  .createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://bare')
    try {
      if (request.method === 'POST' && url.pathname === '/api/v1/reports') {
        const chunks: Buffer[] = []
        for await (const chunk of request) chunks.push(chunk as Buffer)
        const citizenId = await citizenOf(request.headers.authorization)
        if (!citizenId) return send(response, 401, { errors: [{ code: 'E_UNAUTHORIZED_ACCESS' }] })
        const created = await submit(citizenId, JSON.parse(Buffer.concat(chunks).toString()))
        return created
          ? send(response, 201, created)
          : send(response, 422, { errors: [{ code: 'E_OUTSIDE_TERRITORY' }] })
      }
      const match = /^\/api\/v1\/collectivities\/([^/]+)\/reports$/.exec(url.pathname)
      const map = match ? await territoryMap(decodeURIComponent(match[1]), url.searchParams) : null
      if (!map) return send(response, 404, { errors: [{ code: 'E_NOT_FOUND' }] })
      send(response, 200, map, 'application/geo+json')
    } catch (error) {
      send(response, 500, { errors: [{ code: 'E_INTERNAL', message: String(error) }] })
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1')
