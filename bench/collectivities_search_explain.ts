/*
| EXPLAIN ANALYZE of the citizen search SQL (the very statement the API runs) for the queries
| that hurt on a database holding all of France: common words ("saint", "sur"), short prefixes,
| typos only trigrams find, postal and official codes. Prints, as medians of BENCH_RUNS
| (default 7) after a warm-up, the "Execution Time" EXPLAIN ANALYZE reports (per-node timing
| inflates it) and the wall time of the bare query seen from the client, with the rows
| returned; BENCH_PLAN=1 prints the plans.
|   npm run ace -- collectivity:onboard --all-departements   (into BENCH_DB_DATABASE first)
|   node --import=@poppinss/ts-exec bench/collectivities_search_explain.ts
*/
import { createRequire } from 'node:module'
import { BENCH_ENV } from './helpers/env.js'
import {
  SEARCH_COLLECTIVITIES_SQL,
  searchCollectivitiesBindings,
} from '../app/kernel/territories/queries/search_collectivities_sql.js'

const QUERIES = [
  'saint',
  'st',
  'sur',
  'la',
  'saint jean',
  'sainte marie',
  'auch',
  'lectoure',
  'castelnau',
  'marseil',
  'lecture',
  'ile jourdain',
  '32000',
  '32013',
  'zzzz',
]
/** The part of `pg` this script uses (the package ships no types). */
interface Result {
  rows: Record<string, any>[]
  rowCount: number | null
}
const pg = createRequire(import.meta.url)('pg') as {
  Client: new (config: Record<string, unknown>) => {
    connect(): Promise<void>
    query(sql: string, values?: unknown[]): Promise<Result>
    end(): Promise<void>
  }
}

const RUNS = Number(process.env.BENCH_RUNS ?? 7)

const client = new pg.Client({
  host: process.env.DB_HOST ?? '127.0.0.1',
  user: process.env.DB_USER ?? 'postgres',
  database: BENCH_ENV.DB_DATABASE,
})
await client.connect()
const counted = await client.query('SELECT count(*)::int AS count FROM collectivities')
const count = counted.rows[0].count
console.log(`${count} collectivities in ${BENCH_ENV.DB_DATABASE}, median of ${RUNS} runs\n`)

// Positional `?` → `$n` for node-postgres.
let position = 0
const sql = SEARCH_COLLECTIVITIES_SQL.replace(/\?/g, () => `$${++position}`)

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

console.log(
  'query'.padEnd(16),
  'explain ms'.padStart(10),
  'wall ms'.padStart(9),
  'rows'.padStart(5),
  '  first results'
)
for (const q of QUERIES) {
  const bindings = searchCollectivitiesBindings({ q, limit: 20 })
  const explained: number[] = []
  const walls: number[] = []
  let plan: string[] = []
  let rows = await client.query(sql, bindings)
  for (let run = 0; run <= RUNS; run++) {
    const result = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, bindings)
    plan = result.rows.map((row) => row['QUERY PLAN'])
    const started = performance.now()
    rows = await client.query(sql, bindings)
    const wall = performance.now() - started
    if (run === 0) continue
    explained.push(Number(/Execution Time: ([\d.]+) ms/.exec(plan.at(-1) ?? '')?.[1]))
    walls.push(wall)
  }
  const first = rows.rows
    .slice(0, 3)
    .map((row) => row.name)
    .join(', ')
  console.log(
    q.padEnd(16),
    median(explained).toFixed(2).padStart(10),
    median(walls).toFixed(2).padStart(9),
    String(rows.rowCount).padStart(5),
    ` ${first}`
  )
  if (process.env.BENCH_PLAN) console.log(plan.join('\n'), '\n')
}
await client.end()
