/*
| The citizen feed under load (`npm run bench:feed`): Gers-scale data (the real Gers onboarded:
| 458 communes, their EPCI, the département; about 100,000 items across news, events, places and
| contacts), then 1,000,000 items. Each run: autocannon at 200 connections on
| GET /api/v1/collectivities/:code/feed for random communes, against Bastide (bin/server.ts,
| NODE_ENV=production, through ts-exec) and against bare Node `http` + `pg` running the same SQL;
| prints req/s, p50, p99, the ratio, and the EXPLAIN of the feed query.
| Own database: BENCH_DB_DATABASE (default bastide_bench_info). BENCH_DURATION (s, default 10),
| BENCH_SIZES (default 100000,1000000).
*/
import { createRequire } from 'node:module'
import { BENCH_ENV, ensureDatabase, startServer, timeAce } from './helpers/env.js'
import { compareOpenLoop, openLoopTable } from './helpers/open_loop.js'
import { feedQuery, toPgPlaceholders } from '#info/support/feed_query'

interface AutocannonResult {
  requests: { average: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
}
const require = createRequire(import.meta.url)
const autocannon = require('autocannon') as (
  options: Record<string, unknown>
) => Promise<AutocannonResult>
const pg = require('pg') as { Client: new (config: Record<string, unknown>) => any }

const DATABASE = process.env.BENCH_DB_DATABASE ?? 'bastide_bench_info'
const ENV = { ...BENCH_ENV, DB_DATABASE: DATABASE }
const DURATION = Number(process.env.BENCH_DURATION ?? 10)
const CONNECTIONS = 200
// BENCH_PORT (and the next port, for the bare server): two benches on one machine do not collide.
const ADONIS_PORT = Number(process.env.BENCH_PORT ?? 3492)
const BARE_PORT = ADONIS_PORT + 1
const FEED_TYPES = ['news', 'event', 'poll', 'consultation', 'budget', 'report_resolved']

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number)

ensureDatabase(DATABASE)
const db = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: DATABASE })
await db.connect()

async function resetContent() {
  const { rows } = await db.query("SELECT to_regclass('feed_items') IS NOT NULL AS ready")
  if (rows[0].ready) {
    await db.query(
      'TRUNCATE feed_items, info_news, info_events, info_places, info_contacts, info_menus, info_canteens RESTART IDENTITY'
    )
  }
}

console.log('Migrating and onboarding the Gers…')
timeAce(['migration:run', '--force'], ENV)
// Every run starts from empty content, so the first step really measures 100,000 items.
await resetContent()
timeAce(['collectivity:onboard', '--departement=32'], ENV)

const { rows: authorities } = await db.query(
  "SELECT id, kind, code FROM collectivities WHERE id = (SELECT id FROM collectivities WHERE kind = 'departement' AND code = '32') OR departement_id = (SELECT id FROM collectivities WHERE kind = 'departement' AND code = '32') ORDER BY id"
)
const ids: number[] = authorities.map((row: any) => row.id)
const communeCodes: string[] = authorities
  .filter((row: any) => row.kind === 'commune')
  .map((row: any) => row.code)
console.log(`${communeCodes.length} communes, ${ids.length} authorities`)

async function countItems(): Promise<number> {
  const { rows } = await db.query(
    'SELECT (SELECT count(*) FROM info_news) + (SELECT count(*) FROM info_events) + (SELECT count(*) FROM info_places) + (SELECT count(*) FROM info_contacts) AS total'
  )
  return Number(rows[0].total)
}

/**
 * Adds items until there are `target`: 50 % news, 30 % events (half of them upcoming), 15 %
 * places, 5 % contacts, spread over every authority, published over the past year, 2 % already
 * expired; news and events get their feed rows as the actions would write them.
 */
async function seedUpTo(target: number) {
  const missing = target - (await countItems())
  if (missing <= 0) return
  const started = Date.now()
  const n = ids.length
  const count = (share: number) => Math.round(missing * share)
  await db.query('BEGIN')
  const publication = `'published', now() - random() * interval '365 days', CASE WHEN random() < 0.02 THEN now() - interval '1 day' ELSE NULL END, now(), now()`
  const { rows: before } = await db.query(
    'SELECT coalesce((SELECT max(id) FROM info_news), 0) AS news, coalesce((SELECT max(id) FROM info_events), 0) AS events'
  )
  await db.query(
    `INSERT INTO info_news (collectivity_id, status, publish_at, expire_at, created_at, updated_at, title, summary, body)
     SELECT ($1::int[])[1 + g % $2], ${publication}, 'Actualité ' || g, 'Résumé de l’actualité ' || g, '<p>Texte ' || g || '</p>'
     FROM generate_series(1, $3) AS g`,
    [ids, n, count(0.5)]
  )
  await db.query(
    `INSERT INTO info_events (collectivity_id, status, publish_at, expire_at, created_at, updated_at, title, description, starts_at, ends_at, category)
     SELECT ($1::int[])[1 + g % $2], ${publication}, 'Événement ' || g, '<p>Description</p>', s, s + interval '2 hours', 'culture'
     FROM (SELECT g, now() + (random() * 400 - 200) * interval '1 day' AS s FROM generate_series(1, $3) AS g) AS e`,
    [ids, n, count(0.3)]
  )
  await db.query(
    `INSERT INTO info_places (collectivity_id, status, publish_at, expire_at, created_at, updated_at, category, name, lat, lng, opening_hours)
     SELECT ($1::int[])[1 + g % $2], ${publication}, 'market', 'Lieu ' || g, 43.3 + random(), 0.1 + random(), 'Sa 08:00-13:00'
     FROM generate_series(1, $3) AS g`,
    [ids, n, count(0.15)]
  )
  await db.query(
    `INSERT INTO info_contacts (collectivity_id, status, publish_at, expire_at, created_at, updated_at, theme, name, phone)
     SELECT ($1::int[])[1 + g % $2], ${publication}, 'mairie', 'Contact ' || g, '05 62 00 00 00'
     FROM generate_series(1, $3) AS g`,
    [ids, n, count(0.05)]
  )
  await db.query(
    `INSERT INTO feed_items (collectivity_id, type, item_id, title, summary, published_at, expire_at)
     SELECT collectivity_id, 'news', id, title, summary, publish_at, expire_at FROM info_news WHERE id > $1`,
    [before[0].news]
  )
  await db.query(
    `INSERT INTO feed_items (collectivity_id, type, item_id, title, summary, published_at, expire_at, starts_at, ends_at)
     SELECT collectivity_id, 'event', id, title, 'Description', publish_at, expire_at, starts_at, ends_at FROM info_events WHERE id > $1`,
    [before[0].events]
  )
  await db.query('COMMIT')
  await db.query('ANALYZE')
  console.log(`Seeded ${missing} items in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

function randomFeedPath() {
  return `/api/v1/collectivities/${communeCodes[Math.floor(Math.random() * communeCodes.length)]}/feed`
}

async function measure(port: number) {
  const options = {
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    requests: [
      {
        method: 'GET',
        setupRequest: (request: Record<string, unknown>) => ({
          ...request,
          path: randomFeedPath(),
        }),
      },
    ],
  }
  await autocannon({ ...options, duration: 3 })
  const result = await autocannon({ ...options, duration: DURATION })
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`:${port}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
}

async function explain() {
  const auch =
    authorities.find((row: any) => row.code === '32013') ??
    authorities.find((row: any) => row.kind === 'commune')
  const { rows } = await db.query(
    'SELECT id, epci_id, departement_id FROM collectivities WHERE id = $1',
    [auch.id]
  )
  const lineage = [rows[0].id, rows[0].epci_id, rows[0].departement_id].filter(
    (id: number | null) => id !== null
  )
  const { sql, bindings } = feedQuery({
    collectivityIds: lineage,
    types: FEED_TYPES,
    now: new Date(),
    take: 21,
  })
  const plan = await db.query(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${toPgPlaceholders(sql)}`,
    bindings
  )
  return plan.rows.map((row: any) => row['QUERY PLAN']).join('\n')
}

const adonis = await startServer(
  ['--import=@poppinss/ts-exec', 'bin/server.ts'],
  { ...ENV, NODE_ENV: 'production', PORT: String(ADONIS_PORT), HOST: '127.0.0.1' },
  `http://127.0.0.1:${ADONIS_PORT}/health`
)
const bare = await startServer(
  ['--import=@poppinss/ts-exec', 'bench/info_feed_bare_server.ts'],
  { ...ENV, PORT: String(BARE_PORT) },
  `http://127.0.0.1:${BARE_PORT}/api/v1/collectivities/32013/feed`
)

const results: Array<{
  items: number
  ours: Awaited<ReturnType<typeof measure>>
  base: Awaited<ReturnType<typeof measure>>
}> = []
try {
  if (process.env.BENCH_MODE === 'open') {
    // Open loop only (issue 7): the feed at the first size, half the bare ceiling, A B A B.
    await seedUpTo(SIZES[0])
    const items = await countItems()
    const feed = await compareOpenLoop({
      label: `citizen feed (${items.toLocaleString('en')} items, random commune)`,
      bastidePort: ADONIS_PORT,
      barePort: BARE_PORT,
      requests: [
        {
          method: 'GET',
          setupRequest: (request: Record<string, unknown>) => ({
            ...request,
            path: randomFeedPath(),
          }),
        },
      ],
    })
    console.log(`\nOpen loop, half the bare ceiling:\n\n${openLoopTable([feed])}`)
    SIZES.length = 0
  }
  for (const target of SIZES) {
    await seedUpTo(target)
    const items = await countItems()
    console.log(
      `\n== ${items.toLocaleString('fr-FR')} items, autocannon ${CONNECTIONS} connections, ${DURATION} s ==`
    )
    const ours = await measure(ADONIS_PORT)
    const base = await measure(BARE_PORT)
    results.push({ items, ours, base })
    console.log(`Bastide : ${ours.rps.toFixed(0)} req/s, p50 ${ours.p50} ms, p99 ${ours.p99} ms`)
    console.log(`bare    : ${base.rps.toFixed(0)} req/s, p50 ${base.p50} ms, p99 ${base.p99} ms`)
    console.log(`ratio   : ${(ours.rps / base.rps).toFixed(2)} (target >= 0.5; p99 target < 50 ms)`)
    console.log(
      `\nEXPLAIN of the feed query (Auch, ${items.toLocaleString('fr-FR')} items):\n${await explain()}`
    )
  }
  if (results.length === 2) {
    const drift = (results[1].ours.p99 - results[0].ours.p99) / results[0].ours.p99
    console.log(
      `\np99 at 1,000,000 vs 100,000 items: ${(drift * 100).toFixed(0)} % (target within 20 %)`
    )
  }
} finally {
  adonis.kill()
  bare.kill()
  await db.end()
}
