/*
| Reports under load (issue 9), with 50,000 reports in the Gers (generated: random points inside
| the communes' shapes, ten categories, 80 % published, over the past year):
|   - POST /api/v1/reports with routing: closed loop (50 connections), Bastide and the bare
|     baseline in alternating rounds (A B, B A, …): req/s and p99, median ratio with its spread;
|     each request from a different citizen (fresh tokens each run) and client address (through
|     TRUSTED_PROXIES), so that the per-account and per-address limits measure nothing here;
|   - GET /api/v1/collectivities/32/reports?format=geojson&bbox=… (random 0.1° boxes, about 8 × 11 km): open loop
|     at half the bare ceiling (bench/helpers/open_loop.ts), p99 target < 100 ms.
| Bastide runs bin/server.ts (NODE_ENV=production, ts-exec); the baseline is
| bench/signalement_reports_bare_server.ts (bare `http` + `pg`, the same SQL).
|   node --import=@poppinss/ts-exec bench/signalement_reports.ts
| Own database: BENCH_DB_DATABASE (default bastide_bench_reports); BENCH_ROUNDS (default 5),
| BENCH_ROUND_SECONDS (default 4), BENCH_CONNECTIONS (POST, default 50), BENCH_PORT (default 3494; the baseline takes the next one).
| BENCH_ONLY=post|map runs one of the two routes; BENCH_CPU_PROF=DIR writes the Bastide server's
| CPU profile there when it stops (bench/helpers/cpu_profile_summary.ts reads it).
*/
import { createHash, randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { BENCH_ENV, cpuProfileFlags, ensureDatabase, startServer, timeAce } from './helpers/env.js'
import { compareOpenLoop, openLoopTable } from './helpers/open_loop.js'
import { DEFAULT_REPORT_SETTINGS } from '#signalement/support/settings'

interface AutocannonResult {
  requests: { average: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
  timeouts: number
  statusCodeStats: Record<string, { count: number }>
}
const require = createRequire(import.meta.url)
const autocannon = require('autocannon') as (
  options: Record<string, unknown>
) => Promise<AutocannonResult>
const pg = require('pg') as { Client: new (config: Record<string, unknown>) => any }

const DATABASE = process.env.BENCH_DB_DATABASE ?? 'bastide_bench_reports'
const ENV = { ...BENCH_ENV, DB_DATABASE: DATABASE }
const REPORTS = 50_000
const CITIZENS = 6_000
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 4)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const ADONIS_PORT = Number(process.env.BENCH_PORT ?? 3494)
const BARE_PORT = ADONIS_PORT + 1
const ONLY = process.env.BENCH_ONLY
const CATEGORIES = [
  'voirie',
  'eclairage',
  'proprete',
  'depot_sauvage',
  'mobilier_urbain',
  'espaces_verts',
  'signalisation',
]

ensureDatabase(DATABASE)
const db = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: DATABASE })
await db.connect()
await db.query('CREATE EXTENSION IF NOT EXISTS postgis')

console.log('Migrating, onboarding the Gers and its shapes…')
timeAce(['migration:run', '--force'], ENV)
const onboarded = await db.query(
  "SELECT 1 FROM collectivities WHERE kind = 'departement' AND code = '32' AND status = 'onboarded'"
)
if (onboarded.rows.length === 0) timeAce(['collectivity:onboard', '--departement=32'], ENV)
const { rows: shapes } = await db.query('SELECT count(*)::int AS n FROM collectivity_boundaries')
if (shapes[0].n === 0) {
  timeAce(
    ['collectivity:import-boundaries', 'database/data/contours/communes-32-gers.geojson'],
    ENV
  )
}
const { rows: gersRows } = await db.query(
  "SELECT id FROM collectivities WHERE kind = 'departement' AND code = '32'"
)
const gersId = gersRows[0].id
// Reports open everywhere in the Gers, moderated (the default settings).
await db.query(
  `UPDATE collectivities SET modules = coalesce(modules, '{}'::jsonb) || jsonb_build_object('reports', $2::jsonb)
   WHERE id = $1 OR departement_id = $1`,
  [gersId, JSON.stringify({ enabled: true, settings: DEFAULT_REPORT_SETTINGS })]
)

// The reports filed by earlier runs go first (the seeded ones have no citizen): each run
// measures against the same 50,000, not a table that grows by every run's writes.
await db.query('DELETE FROM signalement_reports WHERE citizen_id IS NOT NULL')
const { rows: counted } = await db.query('SELECT count(*)::int AS n FROM signalement_reports')
if (counted[0].n < REPORTS) {
  const started = Date.now()
  await db.query(
    `INSERT INTO signalement_reports (collectivity_id, commune_id, category_code, description, lat, lng,
       source, anonymous, status, moderation, flags_count, supports_count, overdue, created_at, updated_at)
     SELECT commune, commune, ($1::text[])[1 + floor(random() * $2)::int], 'Signalement généré n° ' || g,
            lat, lng, 'app', false,
            (ARRAY['submitted', 'acknowledged', 'in_progress', 'resolved'])[1 + floor(random() * 4)::int],
            CASE WHEN random() < 0.8 THEN 'published' ELSE 'pending' END, 0, 0, false, created, created
     FROM (SELECT g, lng, lat, commune_at(lng, lat) AS commune, now() - random() * interval '365 days' AS created
           FROM (SELECT g, -0.29 + random() * 1.5 AS lng, 43.31 + random() * 0.77 AS lat
                 FROM generate_series(1, $3) AS g) AS p) AS q
     WHERE commune IS NOT NULL
     LIMIT $4`,
    [
      CATEGORIES,
      CATEGORIES.length,
      Math.ceil((REPORTS - counted[0].n) * 1.8),
      REPORTS - counted[0].n,
    ]
  )
  await db.query('ANALYZE')
  console.log(`Seeded reports in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}
const { rows: total } = await db.query('SELECT count(*)::int AS n FROM signalement_reports')
console.log(`${total[0].n.toLocaleString('en')} reports in the Gers`)

// Fresh citizens each run: the per-account limit (10 per 10 minutes) outlives a run in Redis.
const { rows: citizens } = await db.query(
  `INSERT INTO citizens (email, display_name, password, email_verified_at, created_at, updated_at)
   SELECT 'banc-' || $2 || '-' || g || '@example.test', 'Habitant ' || g, 'x', now(), now(), now()
   FROM generate_series(1, $1) g RETURNING id`,
  [CITIZENS, randomBytes(4).toString('hex')]
)
const secrets = citizens.map(() => randomBytes(30).toString('base64url'))
const { rows: tokenRows } = await db.query(
  `INSERT INTO citizen_access_tokens (tokenable_id, type, name, hash, abilities, created_at, updated_at, expires_at)
   SELECT c, 'citizen_token', 'bench', h, '["*"]', now(), now(), now() + interval '1 day'
   FROM unnest($1::int[], $2::text[]) AS t(c, h) RETURNING id`,
  [
    citizens.map((row: { id: number }) => row.id),
    secrets.map((secret: string) => createHash('sha256').update(secret).digest('hex')),
  ]
)
const tokens = tokenRows.map(
  (row: { id: number }, index: number) =>
    `bst_${Buffer.from(String(row.id)).toString('base64url')}.${Buffer.from(secrets[index]).toString('base64url')}`
)
const { rows: points } = await db.query(
  'SELECT lat, lng FROM signalement_reports ORDER BY random() LIMIT 5000'
)

let sent = 0
const postRequest = {
  method: 'POST',
  setupRequest: (request: Record<string, unknown>) => {
    const n = sent++
    const point = points[n % points.length]
    return {
      ...request,
      path: '/api/v1/reports',
      headers: {
        'content-type': 'application/json',
        'authorization': `Bearer ${tokens[n % tokens.length]}`,
        'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      },
      body: JSON.stringify({
        category: CATEGORIES[n % CATEGORIES.length],
        description: 'Signalement du banc d’essai',
        position: { lat: point.lat, lng: point.lng },
      }),
    }
  },
}
const GERS = { minLng: -0.29, minLat: 43.31, maxLng: 1.21, maxLat: 44.08 }
const mapRequest = {
  method: 'GET',
  setupRequest: (request: Record<string, unknown>) => {
    const west = GERS.minLng + Math.random() * (GERS.maxLng - GERS.minLng - 0.1)
    const south = GERS.minLat + Math.random() * (GERS.maxLat - GERS.minLat - 0.1)
    const bbox = [west, south, west + 0.1, south + 0.1].map((value) => value.toFixed(4)).join(',')
    return { ...request, path: `/api/v1/collectivities/32/reports?format=geojson&bbox=${bbox}` }
  },
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

async function closedLoop(port: number, seconds: number, request: object = postRequest) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [request],
  })
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `:${port}: ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats)}), ${result.errors} errors, ${result.timeouts} timeouts`
    )
  }
  return result
}

const adonis = await startServer(
  [...cpuProfileFlags(), '--import=@poppinss/ts-exec', 'bin/server.ts'],
  {
    ...ENV,
    NODE_ENV: 'production',
    PORT: String(ADONIS_PORT),
    HOST: '127.0.0.1',
    TRUSTED_PROXIES: '127.0.0.1',
  },
  `http://127.0.0.1:${ADONIS_PORT}/health`
)
const bare = await startServer(
  ['--import=@poppinss/ts-exec', 'bench/signalement_reports_bare_server.ts'],
  { ...ENV, PORT: String(BARE_PORT) },
  `http://127.0.0.1:${BARE_PORT}/api/v1/collectivities/32/reports`
)

/** Bastide and the bare baseline in a closed loop, alternating rounds: one Markdown table row. */
async function closedLoopRow(label: string, request: object) {
  await closedLoop(ADONIS_PORT, 2, request)
  await closedLoop(BARE_PORT, 2, request)
  const samples = { bastide: [] as AutocannonResult[], bare: [] as AutocannonResult[] }
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? (['bastide', 'bare'] as const) : (['bare', 'bastide'] as const)
    for (const side of order) {
      const port = side === 'bastide' ? ADONIS_PORT : BARE_PORT
      samples[side].push(await closedLoop(port, SECONDS, request))
    }
  }
  const perRound = samples.bastide.map(
    (ours, index) => ours.requests.average / samples.bare[index].requests.average
  )
  const side = (results: AutocannonResult[]) => ({
    rps: median(results.map((result) => result.requests.average)),
    p50: median(results.map((result) => result.latency.p50)),
    p99: median(results.map((result) => result.latency.p99)),
  })
  const ours = side(samples.bastide)
  const base = side(samples.bare)
  return `| ${label} | ${Math.round(ours.rps)} · ${ours.p50} / ${ours.p99} ms | ${Math.round(base.rps)} · ${base.p50} / ${base.p99} ms | ${median(perRound).toFixed(2)} (${Math.min(...perRound).toFixed(2)}–${Math.max(...perRound).toFixed(2)}) |`
}

const CLOSED_LOOP_HEADER = [
  '| route | Bastide req/s · p50 / p99 | bare req/s · p50 / p99 | req/s ratio (median, min–max) |',
  '| --- | --- | --- | --- |',
]

async function benchPost() {
  console.log(
    `\nPOST /api/v1/reports, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s`
  )
  const row = await closedLoopRow(
    `POST /api/v1/reports (routing, ${total[0].n.toLocaleString('en')} reports)`,
    postRequest
  )
  console.log([...CLOSED_LOOP_HEADER, row].join('\n'))
}

async function benchMap() {
  console.log(
    `\nGET map, closed loop, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${SECONDS} s`
  )
  const row = await closedLoopRow('GET …/reports?format=geojson&bbox=(random 0.1°)', mapRequest)
  console.log([...CLOSED_LOOP_HEADER, row].join('\n'))
  const map = await compareOpenLoop({
    label: 'GET /api/v1/collectivities/32/reports?format=geojson&bbox=(random 0.1°)',
    bastidePort: ADONIS_PORT,
    barePort: BARE_PORT,
    requests: [mapRequest],
    rounds: ROUNDS,
    secondsPerRound: SECONDS,
  })
  console.log(`\nOpen loop, half the bare ceiling:\n\n${openLoopTable([map])}`)
  console.log(`p99 target < 100 ms: ${map.bastide.p99 < 100 ? 'met' : 'NOT met'}`)
}

try {
  if (ONLY !== 'map') await benchPost()
  if (ONLY !== 'post') await benchMap()
} finally {
  adonis.kill()
  bare.kill()
  await db.end()
}
