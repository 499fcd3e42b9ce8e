/*
| The two territories API routes under autocannon, 100 connections, side by side with bare Node
| `http` + `pg` running the same SQL (`npm run bench:collectivities`). The Bastide server runs
| `bin/server.ts` through ts-exec with NODE_ENV=production and LOG_LEVEL=warn: the code is
| transpiled once at load, so steady-state throughput is that of a build, without needing
| `node ace build` (and its Vite step) first. Data: whatever bench:onboarding left (all of
| France, 36,000 authorities), or the Gers onboarded here when the database is empty.
*/
import { createRequire } from 'node:module'
import { BENCH_ENV, ensureDatabase, startServer, timeAce } from './helpers/env.js'
import { compareOpenLoop, openLoopTable } from './helpers/open_loop.js'

/** The part of autocannon's result this script reads (the package ships no types). */
interface AutocannonResult {
  requests: { average: number }
  latency: { p99: number }
  non2xx: number
  errors: number
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string
  connections: number
  duration: number
}) => Promise<AutocannonResult>

const DURATION = Number(process.env.BENCH_DURATION ?? 10)
// BENCH_PORT (and the next port, for the bare server): two benches on one machine do not collide.
const ADONIS_PORT = Number(process.env.BENCH_PORT ?? 3490)
const BARE_PORT = ADONIS_PORT + 1

ensureDatabase(BENCH_ENV.DB_DATABASE)
timeAce(['migration:run', '--force'])
timeAce(['collectivity:onboard', '--departement=32'])

const routes = [
  { label: 'search ?q=saint jean', path: '/api/v1/collectivities?q=saint%20jean' },
  { label: 'search ?q=32000', path: '/api/v1/collectivities?q=32000' },
  { label: 'show /32013', path: '/api/v1/collectivities/32013' },
]

async function measure(port: number, path: string) {
  // Warm-up, then the measured run.
  await autocannon({ url: `http://127.0.0.1:${port}${path}`, connections: 100, duration: 2 })
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${path}`,
    connections: 100,
    duration: DURATION,
  })
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${path} on :${port}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  }
  return { rps: result.requests.average, p99: result.latency.p99 }
}

const adonis = await startServer(
  ['--import=@poppinss/ts-exec', 'bin/server.ts'],
  { ...BENCH_ENV, NODE_ENV: 'production', PORT: String(ADONIS_PORT), HOST: '127.0.0.1' },
  `http://127.0.0.1:${ADONIS_PORT}/api/v1/collectivities/32`
)
const bare = await startServer(
  ['--import=@poppinss/ts-exec', 'bench/helpers/bare_collectivities_server.ts'],
  { ...BENCH_ENV, PORT: String(BARE_PORT) },
  `http://127.0.0.1:${BARE_PORT}/api/v1/collectivities/32`
)

try {
  if (process.env.BENCH_MODE === 'open') {
    // Open loop only (issue 7): the search, at half the bare server's ceiling, A B A B.
    const search = await compareOpenLoop({
      label: 'collectivity search `?q=saint jean`',
      bastidePort: ADONIS_PORT,
      barePort: BARE_PORT,
      requests: [{ method: 'GET', path: routes[0].path }],
    })
    console.log(`\nOpen loop, half the bare ceiling:\n\n${openLoopTable([search])}`)
    routes.length = 0
  }
  if (routes.length) console.log(`\nautocannon, 100 connections, ${DURATION} s per run\n`)
  console.log(
    `${'route'.padEnd(24)} ${'Bastide req/s'.padStart(14)} ${'p99'.padStart(8)} ${'bare req/s'.padStart(12)} ${'p99'.padStart(8)} ${'ratio'.padStart(7)}`
  )
  for (const route of routes) {
    const ours = await measure(ADONIS_PORT, route.path)
    const base = await measure(BARE_PORT, route.path)
    const ratio = ours.rps / base.rps
    console.log(
      `${route.label.padEnd(24)} ${ours.rps.toFixed(0).padStart(14)} ${`${ours.p99} ms`.padStart(8)} ${base.rps.toFixed(0).padStart(12)} ${`${base.p99} ms`.padStart(8)} ${ratio.toFixed(2).padStart(7)}`
    )
  }
  console.log('\nTarget: ratio >= 0.5')
} finally {
  adonis.kill()
  bare.kill()
}
