/*
| Pabulib import of a big file: 50,000 approval ballots × 100 projects (generated from a fixed
| seed, 1 to 10 projects per ballot), imported by `participation:import-pabulib … --json` as an
| agent would run it, BENCH_ROUNDS times (default 3). Prints the wall time of each run (boot of
| the Ace process included) and the import's own time as the command reports it. Target: seconds.
|   node --import=@poppinss/ts-exec bench/participation_pabulib_import.ts
| Own database: BENCH_DB_DATABASE (default bastide_bench_pabulib). VOTERS / PROJECTS change the size.
*/
import { execFileSync } from 'node:child_process'
import { writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BENCH_ENV, ROOT, ensureDatabase, timeAce } from './helpers/env.js'
import { generatedPabulib } from '../tests/fixtures/participation/generated_pabulib.js'

const DATABASE = process.env.BENCH_DB_DATABASE ?? 'bastide_bench_pabulib'
const ENV = { ...BENCH_ENV, DB_DATABASE: DATABASE }
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const VOTERS = Number(process.env.VOTERS ?? 50_000)
const PROJECTS = Number(process.env.PROJECTS ?? 100)

ensureDatabase(DATABASE)
timeAce(['migration:run', '--force'], ENV)
const psql = (sql: string) =>
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', DATABASE, '-tAc', sql], {
    env: { ...process.env, PGOPTIONS: '-c client_min_messages=warning' },
  })
    .toString()
    .trim()
psql('TRUNCATE participation_budget_campaigns, collectivities RESTART IDENTITY CASCADE')
psql(`INSERT INTO collectivities (kind, code, name, slug, search_name, population, postal_codes, status, branding, modules, created_at, updated_at)
      VALUES ('commune', '99002', 'Commune du banc', 'commune-du-banc', 'commune du banc', 1000, '{}', 'onboarded', '{}', '{}', now(), now())`)

const file = join(tmpdir(), `bastide-bench-${process.pid}.pb`)
const text = generatedPabulib({ voters: VOTERS, projects: PROJECTS })
writeFileSync(file, text)
console.log(
  `${VOTERS.toLocaleString('en')} ballots × ${PROJECTS} projects, ${(text.length / 1e6).toFixed(1)} MB, ${ROUNDS} rounds`
)

const walls: number[] = []
const works: number[] = []
for (let round = 0; round < ROUNDS; round++) {
  const started = process.hrtime.bigint()
  const output = execFileSync(
    process.execPath,
    ['ace', 'participation:import-pabulib', file, '--collectivity=99002', '--json'],
    { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'inherit'] }
  ).toString()
  const wall = Number(process.hrtime.bigint() - started) / 1e9
  const work = Number(/importés en ([\d.]+) s/.exec(output)?.[1] ?? Number.NaN)
  const summary = JSON.parse(output.trim().split('\n').at(-1)!)
  if (summary.ballots !== VOTERS) throw new Error(`imported ${summary.ballots} ballots`)
  walls.push(wall)
  works.push(work)
  console.log(
    `round ${round + 1}: ${wall.toFixed(1)} s wall (Ace boot included), import ${work.toFixed(1)} s; campaign ${summary.campaign_id}`
  )
}
rmSync(file)
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const spread = (values: number[]) =>
  `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`
console.log(
  `import: median ${median(works).toFixed(1)} s (${spread(works)}); wall: median ${median(walls).toFixed(1)} s (${spread(walls)})`
)
