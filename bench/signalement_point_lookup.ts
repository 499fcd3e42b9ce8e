/*
| Point-in-commune lookups in SQL on the Gers shapes (target ≥ 5,000/s): the very statement
| that routes a report (FIND_COMMUNE_SQL), from several `pg` clients at once for BENCH_SECONDS
| (default 3), on random points of the département's bounding box, alternating with the same
| points answered by one set-based statement (the ceiling of the index alone). Prepares its
| database once (onboarding + the shipped contours) when it has no shapes yet.
|   npm run bench:signalement-lookup
*/
import { createRequire } from 'node:module'
import { BENCH_ENV, timeAce } from './helpers/env.js'
import { FIND_COMMUNE_SQL } from '../app/kernel/territories/queries/find_commune_sql.js'

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

let index = 0
const sql = FIND_COMMUNE_SQL.replace(/\?/g, () => `$${++index}`)
const GERS = { minLng: -0.29, minLat: 43.31, maxLng: 1.21, maxLat: 44.08 }
const randomPoint = () => [
  GERS.minLng + Math.random() * (GERS.maxLng - GERS.minLng),
  GERS.minLat + Math.random() * (GERS.maxLat - GERS.minLat),
]

const probe = new pg.Client(config)
await probe.connect()
const shapes = await probe
  .query(`SELECT count(*)::int AS n FROM collectivity_boundaries`)
  .catch(() => ({ rows: [{ n: 0 }] }))
if (shapes.rows[0].n === 0) {
  timeAce(['migration:run', '--force'])
  timeAce(['collectivity:onboard', '--departement=32'])
  timeAce(['collectivity:import-boundaries', 'database/data/contours/communes-32-gers.geojson'])
}

async function oneByOne() {
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
        if (rows.length > 0) found += 1
      }
    })
  )
  await Promise.all(clients.map((client) => client.end()))
  return { perSecond: lookups / SECONDS, found: found / lookups }
}

async function setBased() {
  const points = Array.from({ length: 20_000 }, randomPoint)
  const started = process.hrtime.bigint()
  await probe.query(
    `SELECT p.i, (SELECT c.id FROM collectivity_boundaries b JOIN collectivities c ON c.id = b.collectivity_id
                  WHERE c.kind = 'commune' AND ST_Intersects(b.shape, ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326))
                  ORDER BY c.code LIMIT 1)
     FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(lng, lat, i)`,
    [points.map((p) => p[0]), points.map((p) => p[1])]
  )
  return points.length / (Number(process.hrtime.bigint() - started) / 1e9)
}

console.log(`Point-in-commune on the Gers shapes, ${CLIENTS} clients, ${SECONDS} s per round`)
for (let round = 1; round <= 2; round++) {
  const single = await oneByOne()
  const batch = await setBased()
  console.log(
    `round ${round}: routing statement ${Math.round(single.perSecond)} lookups/s (${Math.round(single.found * 100)} % inside a commune) · set-based ${Math.round(batch)} lookups/s`
  )
}
await probe.end()
