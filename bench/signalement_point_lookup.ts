/*
| Point-in-commune lookups in SQL on the Gers shapes (target ≥ 5,000/s). Each round, on random
| points of the département's bounding box:
|   - the routing statement (FIND_COMMUNE_SQL: `commune_at`, subdivided shapes, ADR 0023) from
|     BENCH_CLIENTS `pg` clients (default 4) for BENCH_SECONDS (default 3);
|   - the statement it replaced (whole shapes joined to collectivities), same clients;
|   - the round trip alone (a statement that reads no table), same clients: the ceiling of any
|     one-statement-per-lookup client on this machine;
|   - in SQL, per call: one backend calls `commune_at` once per point in a PL/pgSQL loop (the
|     statement's own cost, no network, no client);
|   - set-based: the same points answered by one statement (the index alone).
| Prepares its database once (onboarding + the shipped contours) when it has no shapes yet.
|   npm run bench:signalement-lookup
*/
import { createRequire } from 'node:module'
import { BENCH_ENV, ensureDatabase, timeAce } from './helpers/env.js'
import { FIND_COMMUNE_SQL } from '../app/kernel/territories/queries/find_commune_sql.js'
import { toPgPlaceholders } from '../app/info/support/feed_query.js'

interface Client {
  connect(): Promise<void>
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, any>[] }>
  end(): Promise<void>
}
const pg = createRequire(import.meta.url)('pg') as { Client: new (config: object) => Client }
const config = {
  host: process.env.DB_HOST ?? '127.0.0.1',
  user: process.env.DB_USER ?? 'postgres',
  database: BENCH_ENV.DB_DATABASE,
}
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3)
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const IN_SQL_CALLS = 20_000

const STATEMENTS = {
  routing: toPgPlaceholders(FIND_COMMUNE_SQL),
  wholeShapes: `SELECT c.id FROM collectivity_boundaries b JOIN collectivities c ON c.id = b.collectivity_id
    WHERE c.kind = 'commune' AND c.status = 'onboarded'
      AND ST_Intersects(b.shape, ST_SetSRID(ST_MakePoint($1, $2), 4326))
    ORDER BY c.code LIMIT 1`,
  roundTrip: `SELECT $1::float8 + $2::float8 AS id`,
}
const GERS = { minLng: -0.29, minLat: 43.31, maxLng: 1.21, maxLat: 44.08 }
const randomPoint = () => [
  GERS.minLng + Math.random() * (GERS.maxLng - GERS.minLng),
  GERS.minLat + Math.random() * (GERS.maxLat - GERS.minLat),
]

ensureDatabase(config.database)
const probe = new pg.Client(config)
await probe.connect()
const shapes = await probe
  .query(`SELECT count(*)::int AS n FROM collectivity_boundaries`)
  .catch(() => ({ rows: [{ n: 0 }] }))
timeAce(['migration:run', '--force'])
if (shapes.rows[0].n === 0) {
  timeAce(['collectivity:onboard', '--departement=32'])
  timeAce(['collectivity:import-boundaries', 'database/data/contours/communes-32-gers.geojson'])
}

async function fromClients(sql: string) {
  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      const client = new pg.Client(config)
      await client.connect()
      return client
    })
  )
  const deadline = Date.now() + SECONDS * 1000
  let lookups = 0
  let found = 0
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < deadline) {
        const { rows } = await client.query(sql, randomPoint())
        lookups += 1
        if (rows[0]?.id !== null && rows[0]?.id !== undefined) found += 1
      }
    })
  )
  await Promise.all(clients.map((client) => client.end()))
  return { perSecond: lookups / SECONDS, found: found / lookups }
}

/** The statement's own cost: random points drawn first, then one call each, all in SQL. */
async function inSql() {
  const { rows } = await probe.query(
    // count(*) over a column nobody reads would let the planner skip the call: sum the ids.
    `SELECT count(*)::float8 / (extract(epoch FROM clock_timestamp() - min(started)))::float8 AS per_second,
            sum(lookups.id) AS ids
     FROM (SELECT clock_timestamp() AS started) AS s,
     LATERAL (SELECT commune_at(p.lng, p.lat) AS id
              FROM (SELECT $1 + random() * $2 AS lng, $3 + random() * $4 AS lat
                    FROM generate_series(1, $5) OFFSET 0) AS p) AS lookups`,
    [GERS.minLng, GERS.maxLng - GERS.minLng, GERS.minLat, GERS.maxLat - GERS.minLat, IN_SQL_CALLS]
  )
  return Number(rows[0].per_second)
}

async function setBased() {
  const points = Array.from({ length: 20_000 }, randomPoint)
  const started = process.hrtime.bigint()
  await probe.query(
    `SELECT p.i, (SELECT c.id FROM commune_boundary_parts b JOIN collectivities c ON c.id = b.collectivity_id
                  WHERE c.status = 'onboarded' AND ST_Intersects(b.part, ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326))
                  ORDER BY c.code LIMIT 1)
     FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(lng, lat, i)`,
    [points.map((p) => p[0]), points.map((p) => p[1])]
  )
  return points.length / (Number(process.hrtime.bigint() - started) / 1e9)
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

console.log(`Point-in-commune on the Gers shapes, ${CLIENTS} clients, ${SECONDS} s per round`)
const samples: Record<string, number[]> = {
  'routing statement (commune_at, subdivided shapes)': [],
  'former statement (whole shapes)': [],
  'round trip alone (no table)': [],
  'in SQL, per call (one backend)': [],
  'set-based (one statement for 20,000 points)': [],
}
const [routing, whole, roundTrip, perCall, batch] = Object.values(samples)
for (let round = 1; round <= ROUNDS; round++) {
  // Alternate the order so that neither side always follows the other's load.
  const steps = [
    async () => routing.push(await fromClients(STATEMENTS.routing).then((r) => r.perSecond)),
    async () => whole.push(await fromClients(STATEMENTS.wholeShapes).then((r) => r.perSecond)),
    async () => roundTrip.push(await fromClients(STATEMENTS.roundTrip).then((r) => r.perSecond)),
    async () => perCall.push(await inSql()),
    async () => batch.push(await setBased()),
  ]
  for (const step of round % 2 ? steps : steps.reverse()) await step()
  console.log(`round ${round} done`)
}
const inside = await fromClients(STATEMENTS.routing)
console.log(`\n${Math.round(inside.found * 100)} % of the random points fall inside a commune\n`)
console.log('| lookups/s | median | min – max |\n| --- | --- | --- |')
for (const [label, values] of Object.entries(samples)) {
  console.log(
    `| ${label} | ${Math.round(median(values))} | ${Math.round(Math.min(...values))} – ${Math.round(Math.max(...values))} |`
  )
}
const ratios = routing.map((value, index) => value / whole[index])
console.log(
  `\nrouting / former statement, per round: median ${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)} – ${Math.max(...ratios).toFixed(2)}); ${ROUNDS} rounds`
)
await probe.end()
