/*
| Open-loop comparison (issue 7): latency as users feel it. A closed loop (N connections, each
| waiting for its answer) slows its own offered load down when the server stalls, which hides
| the tail. Here requests leave at a fixed, even pace whatever the answers do, and each latency
| runs from the planned departure (bench/helpers/paced_load.ts, which says why not autocannon's
| `overallRate`). The rate is half of the bare baseline's ceiling, so both
| servers run at the same, sustainable load; they take turns in short rounds (A B A B …) so
| that a machine getting busier mid-run skews both alike, and the ratio is the median of the
| per-round ratios, with its spread.
*/
import { createRequire } from 'node:module'
import { pacedLoad, type LoadRequest, type PacedResult } from './paced_load.js'

interface AutocannonResult {
  requests: { average: number }
  latency: { p50: number; p99: number }
  non2xx: number
  errors: number
}
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: Record<string, unknown>
) => Promise<AutocannonResult>

async function run(port: number, requests: LoadRequest[], options: Record<string, unknown>) {
  const result = await autocannon({ url: `http://127.0.0.1:${port}`, requests, ...options })
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`:${port}: ${result.non2xx} non-2xx, ${result.errors} errors`)
  }
  return result
}

async function checked(port: number, load: Promise<PacedResult>) {
  const result = await load
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`:${port}: ${result.non2xx} non-2xx, ${result.errors} errors (paced)`)
  }
  return result
}

/** The bare server's throughput ceiling (closed loop, many connections). */
export async function ceiling(port: number, requests: LoadRequest[], seconds = 3) {
  await run(port, requests, { connections: 100, duration: 1 })
  const result = await run(port, requests, { connections: 100, duration: seconds })
  return result.requests.average
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

export interface OpenLoopComparison {
  label: string
  rate: number
  bastide: { p50: number; p99: number }
  bare: { p50: number; p99: number }
  /** Median of the per-round Bastide/bare p99 ratios, and their min and max. */
  p99Ratio: { median: number; min: number; max: number }
  p50Ratio: { median: number; min: number; max: number }
  rounds: number
}

/** Bastide and the bare baseline at one offered rate, alternating in `rounds` short rounds. */
export async function compareOpenLoop(input: {
  label: string
  bastidePort: number
  barePort: number
  requests: LoadRequest[]
  rounds?: number
  secondsPerRound?: number
}): Promise<OpenLoopComparison> {
  const rounds = input.rounds ?? Number(process.env.BENCH_ROUNDS ?? 5)
  const seconds = input.secondsPerRound ?? Number(process.env.BENCH_ROUND_SECONDS ?? 4)
  const bareCeiling = await ceiling(input.barePort, input.requests)
  const rate = Math.max(10, Math.round(bareCeiling / 2))
  const paced = (port: number, duration: number) =>
    checked(port, pacedLoad({ port, requests: input.requests, rate, seconds: duration }))
  // Warm both up at the measured rate (JIT, pools, caches) before the first round counts.
  // Bastide has far more code to compile than the bare server: after 2 s at the feed's rate
  // its p50 was still 3.6× its steady value (237 vs 66 ms), so short warm-ups measured the
  // JIT, round after round, rather than the server (BENCH_WARMUP_SECONDS, 10 by default).
  const warmup = Number(process.env.BENCH_WARMUP_SECONDS ?? 10)
  await paced(input.bastidePort, warmup)
  await paced(input.barePort, warmup)

  const samples = { bastide: [] as PacedResult[], bare: [] as PacedResult[] }
  for (let round = 0; round < rounds; round++) {
    // A B, then B A: neither side always runs right after the other's load.
    const order = round % 2 === 0 ? (['bastide', 'bare'] as const) : (['bare', 'bastide'] as const)
    for (const side of order) {
      const port = side === 'bastide' ? input.bastidePort : input.barePort
      samples[side].push(await paced(port, seconds))
    }
    const [ours, base] = [samples.bastide.at(-1)!.latency, samples.bare.at(-1)!.latency]
    console.log(
      `  round ${round + 1}: Bastide p50 ${ours.p50} / p99 ${ours.p99} / max ${ours.max} ms · bare ${base.p50} / ${base.p99} / ${base.max} ms`
    )
  }
  const ratios = (key: 'p50' | 'p99') => {
    const perRound = samples.bastide.map(
      (ours, index) => ours.latency[key] / Math.max(samples.bare[index].latency[key], 0.01)
    )
    return { median: median(perRound), min: Math.min(...perRound), max: Math.max(...perRound) }
  }
  const medianOf = (side: PacedResult[], key: 'p50' | 'p99') =>
    median(side.map((result) => result.latency[key]))
  return {
    label: input.label,
    rate,
    bastide: { p50: medianOf(samples.bastide, 'p50'), p99: medianOf(samples.bastide, 'p99') },
    bare: { p50: medianOf(samples.bare, 'p50'), p99: medianOf(samples.bare, 'p99') },
    p99Ratio: ratios('p99'),
    p50Ratio: ratios('p50'),
    rounds,
  }
}

/** The comparisons as a Markdown table (what the README shows). */
export function openLoopTable(rows: OpenLoopComparison[]): string {
  const lines = [
    '| route | offered rate | Bastide p50 / p99 | bare p50 / p99 | p99 ratio (median, min–max) | p50 ratio |',
    '| --- | --- | --- | --- | --- | --- |',
  ]
  for (const row of rows) {
    lines.push(
      `| ${row.label} | ${row.rate} req/s | ${row.bastide.p50} / ${row.bastide.p99} ms | ${row.bare.p50} / ${row.bare.p99} ms | ${row.p99Ratio.median.toFixed(2)} (${row.p99Ratio.min.toFixed(2)}–${row.p99Ratio.max.toFixed(2)}) | ${row.p50Ratio.median.toFixed(2)} |`
    )
  }
  lines.push('', `${rows[0]?.rounds ?? 0} alternating rounds (A B, B A, …) per route.`)
  return lines.join('\n')
}
