/*
| Ballots under load (`npm run bench:ballots`): 1,000 distinct citizens, each with its own token,
| taking turns over 100 connections, submitting and changing their ballot (PUT /api/v1/budgets/:id/ballot,
| 1 to 3 of 10 projects, submit) as fast as they can, against Bastide (bin/server.ts,
| NODE_ENV=production) and against bare Node `http` + `pg` doing the same transaction, rounds
| alternating A B A B (BENCH_DURATION s each, default 5: 20 s per side over 4 rounds on this
| shared machine instead of 60). Then Bastide at a fixed offered rate of half the bare ceiling
| (open loop, evenly paced: bench/helpers/paced_load.ts) for its p99. Finally the vote is closed and
| `participation:recount` must give, project by project, the totals of the last accepted ballot
| of every citizen as the clients saw them.
| Own database: BENCH_DB_DATABASE (default bastide_bench_ballots). BENCH_CPU_PROF=DIR writes a
| V8 CPU profile of the Bastide server there (open it in Chrome DevTools).
*/
import { createHash, randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import {
  BENCH_ENV,
  ROOT,
  cpuProfileFlags,
  ensureDatabase,
  startServer,
  timeAce,
} from './helpers/env.js'
import { pacedLoad } from './helpers/paced_load.js'

const require = createRequire(import.meta.url)
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<any>
const pg = require('pg') as { Client: new (config: Record<string, unknown>) => any }

const DATABASE = process.env.BENCH_DB_DATABASE ?? 'bastide_bench_ballots'
const ENV = { ...BENCH_ENV, DB_DATABASE: DATABASE }
const DURATION = Number(process.env.BENCH_DURATION ?? 5)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const CITIZENS = 1000
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 100)
const ADONIS_PORT = 3494
const BARE_PORT = 3495

ensureDatabase(DATABASE)
timeAce(['migration:run', '--force'], ENV)
const db = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: DATABASE })
await db.connect()

console.log('Seeding a commune, a campaign in its vote and 1,000 citizens with tokens…')
await db.query(
  'TRUNCATE participation_budget_campaigns, citizens, collectivities RESTART IDENTITY CASCADE'
)
const { rows: communes } = await db.query(
  `INSERT INTO collectivities (kind, code, name, slug, search_name, population, postal_codes, status, branding, modules, created_at, updated_at)
   VALUES ('commune', '99001', 'Commune du banc', 'commune-du-banc', 'commune du banc', 1000, '{}', 'onboarded', '{}', '{"budgets":{"enabled":true,"settings":{}}}', now(), now())
   RETURNING id`
)
const communeId = communes[0].id
const { rows: campaigns } = await db.query(
  `INSERT INTO participation_budget_campaigns (collectivity_id, title, status, total_amount, ballot_rule, min_projects, max_projects, allocation_rule, themes,
     proposals_opens_at, proposals_closes_at, vote_opens_at, vote_closes_at, created_at, updated_at)
   VALUES ($1, 'Banc d’essai', 'published', 500000, 'approval', 1, 3, 'equal_shares', '[]', now() - interval '3 days', now() - interval '2 days', now() - interval '1 day', now() + interval '1 day', now(), now())
   RETURNING id`,
  [communeId]
)
const campaignId = campaigns[0].id
const { rows: projects } = await db.query(
  `INSERT INTO participation_budget_projects (collectivity_id, campaign_id, title, estimated_cost, final_cost, status, created_at, updated_at)
   SELECT $1, $2, 'Projet ' || g, 20000 * g, 20000 * g, 'feasible', now(), now() FROM generate_series(1, 10) g RETURNING id`,
  [communeId, campaignId]
)
const projectIds: number[] = projects.map((p: any) => p.id)
const { rows: citizens } = await db.query(
  `INSERT INTO citizens (email, display_name, password, email_verified_at, home_commune_id, created_at, updated_at)
   SELECT 'banc' || g || '@example.test', 'Votant ' || g, 'x', now(), $1, now(), now() FROM generate_series(1, $2) g RETURNING id`,
  [communeId, CITIZENS]
)
const tokens: string[] = []
for (const citizen of citizens) {
  const secret = randomBytes(30).toString('base64url')
  const hash = createHash('sha256').update(secret).digest('hex')
  const { rows } = await db.query(
    `INSERT INTO citizen_access_tokens (tokenable_id, type, name, hash, abilities, created_at, updated_at, expires_at)
     VALUES ($1, 'citizen_token', 'bench', $2, '["*"]', now(), now(), now() + interval '90 days') RETURNING id`,
    [citizen.id, hash]
  )
  tokens.push(
    `bst_${Buffer.from(String(rows[0].id)).toString('base64url')}.${Buffer.from(secret).toString('base64url')}`
  )
}

/** The last ballot each citizen got a 200 for: what the recount must find. */
const lastAccepted = new Map<number, number[]>()
const path = `/api/v1/budgets/${campaignId}/ballot`

function randomBallot() {
  const size = 1 + Math.floor(Math.random() * 3)
  const shuffled = [...projectIds].sort(() => Math.random() - 0.5)
  return shuffled.slice(0, size)
}

/** Round-robin over the 1,000 citizens: a citizen's next turn comes 1,000 requests later, while
 * at most CONNECTIONS are in flight, so no citizen ever has two ballots on the wire. (autocannon
 * resets a connection's context after each request, so the turn cannot live there.) */
let nextCitizen = 0

/** The next citizen's ballot: who, what, and the request that carries it. */
function nextBallot() {
  const citizen = nextCitizen++ % CITIZENS
  const ballot = randomBallot()
  return {
    citizen,
    ballot,
    path,
    headers: {
      'content-type': 'application/json',
      'authorization': `Bearer ${tokens[citizen]}`,
    },
    body: JSON.stringify({ project_ids: ballot, submit: true }),
  }
}

async function load(port: number, seconds: number) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    initialContext: {},
    requests: [
      {
        method: 'PUT',
        setupRequest: (request: Record<string, any>, context: Record<string, any>) => {
          const { citizen, ballot, ...sent } = nextBallot()
          context.citizen = citizen
          context.ballot = ballot
          return { ...request, ...sent }
        },
        onResponse: (status: number, _body: string, context: Record<string, any>) => {
          if (status === 200) lastAccepted.set(context.citizen, context.ballot)
        },
      },
    ],
  })
  const errors = result.non2xx + result.errors + result.timeouts
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    statuses: result.statusCodeStats,
  }
}

/** Ballots at a fixed, even pace (open loop), each latency from its planned departure. */
async function paced(port: number, seconds: number, rate: number) {
  const result = await pacedLoad({
    port,
    rate,
    seconds,
    requests: [
      {
        method: 'PUT',
        setupRequest: (request) => ({ ...request, ...nextBallot() }),
        onResponse: (status, sent) => {
          if (status === 200) lastAccepted.set(sent.citizen as number, sent.ballot as number[])
        },
      },
    ],
  })
  return { ...result.latency, errors: result.non2xx + result.errors, sent: result.sent }
}

const adonis = await startServer(
  [...cpuProfileFlags(), '--import=@poppinss/ts-exec', 'bin/server.ts'],
  { ...ENV, NODE_ENV: 'production', PORT: String(ADONIS_PORT), HOST: '127.0.0.1' },
  `http://127.0.0.1:${ADONIS_PORT}/health`
)
const bare = await startServer(
  ['--import=@poppinss/ts-exec', 'bench/participation_ballots_bare_server.ts'],
  { ...ENV, PORT: String(BARE_PORT) },
  `http://127.0.0.1:${BARE_PORT}/`
)

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
try {
  await load(ADONIS_PORT, 2)
  await load(BARE_PORT, 2)
  const ours: any[] = []
  const base: any[] = []
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(await load(ADONIS_PORT, DURATION))
    base.push(await load(BARE_PORT, DURATION))
    console.log(
      `status codes: Bastide ${JSON.stringify(ours.at(-1).statuses)}, bare ${JSON.stringify(base.at(-1).statuses)}`
    )
    console.log(
      `round ${round + 1}: Bastide ${ours.at(-1).rps.toFixed(0)} ballots/s (p99 ${ours.at(-1).p99} ms, ${ours.at(-1).errors} errors) · bare ${base.at(-1).rps.toFixed(0)} ballots/s (p99 ${base.at(-1).p99} ms, ${base.at(-1).errors} errors)`
    )
  }
  const oursRps = median(ours.map((r) => r.rps))
  const baseRps = median(base.map((r) => r.rps))
  console.log(
    `\n1,000 citizens over ${CONNECTIONS} connections, ${ROUNDS} x ${DURATION} s per side, alternating`
  )
  console.log(
    `Bastide: ${oursRps.toFixed(0)} ballots/s, p50 ${median(ours.map((r) => r.p50))} ms, p99 ${median(ours.map((r) => r.p99))} ms, errors ${ours.reduce((s, r) => s + r.errors, 0)}`
  )
  console.log(
    `bare   : ${baseRps.toFixed(0)} ballots/s, p50 ${median(base.map((r) => r.p50))} ms, p99 ${median(base.map((r) => r.p99))} ms, errors ${base.reduce((s, r) => s + r.errors, 0)}`
  )
  console.log(`ratio  : ${(oursRps / baseRps).toFixed(2)} (target >= 0.5)`)
  const rate = Math.max(1, Math.round(baseRps / 2))
  const fixed = await paced(ADONIS_PORT, DURATION * 2, rate)
  console.log(
    `Bastide at a fixed ${rate} ballots/s offered (half the bare ceiling, open loop, evenly paced): ${fixed.sent} sent, p50 ${fixed.p50} ms, p99 ${fixed.p99} ms, errors ${fixed.errors}`
  )
  // Requests cut off by the end of a run may still land: let them, then every citizen changes
  // their ballot once more and waits for the answer, so the clients know the final state.
  await new Promise((resolve) => setTimeout(resolve, 5000))
  lastAccepted.clear()
  let failures = 0
  const refusals = new Map<number, number>()
  for (let start = 0; start < CITIZENS; start += 50) {
    await Promise.all(
      tokens.slice(start, start + 50).map(async (token, offset) => {
        const ballot = randomBallot()
        const response = await fetch(`http://127.0.0.1:${ADONIS_PORT}${path}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', 'authorization': `Bearer ${token}` },
          body: JSON.stringify({ project_ids: ballot, submit: true }),
        })
        if (response.status === 200) lastAccepted.set(start + offset, ballot)
        else {
          failures++
          refusals.set(response.status, (refusals.get(response.status) ?? 0) + 1)
        }
      })
    )
  }
  console.log(
    `final change of every ballot: ${lastAccepted.size} accepted, ${failures} refused ${JSON.stringify([...refusals])}`
  )
} finally {
  adonis.kill()
  bare.kill()
}

const expected = new Map<number, number>(projectIds.map((id) => [id, 0]))
for (const ballot of lastAccepted.values())
  for (const id of ballot) expected.set(id, expected.get(id)! + 1)
const recount = execFileSync(
  process.execPath,
  ['ace', 'participation:recount', String(campaignId)],
  { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'ignore'] }
).toString()
const counted = new Map<number, number>()
for (const line of recount.split('\n')) {
  const match = /^(\d+);(\d+);/.exec(line.trim())
  if (match) counted.set(Number(match[1]), Number(match[2]))
}
const same = projectIds.every((id) => counted.get(id) === expected.get(id))
const { rows: ballots } = await db.query(
  'SELECT count(*)::int AS n FROM participation_budget_ballots WHERE campaign_id = $1',
  [campaignId]
)
console.log(
  `\n${ballots[0].n} ballots stored for ${lastAccepted.size} citizens who got a 200; recount per project ${same ? 'EQUALS' : 'DIFFERS FROM'} the totals of their last accepted ballots`
)
console.log(projectIds.map((id) => `${id}: ${counted.get(id)}/${expected.get(id)}`).join('  '))
await db.end()
if (!same) process.exitCode = 1
