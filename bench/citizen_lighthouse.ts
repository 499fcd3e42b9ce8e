/*
| Lighthouse on the citizen app's screens, mobile profile (Moto G-class phone, slow 4G
| simulated throttling), Debian's Chromium (CHROME_PATH, /usr/bin/chromium by default), against
| the production build: `vite build`, the server in NODE_ENV=production on its own database
| (BENCH_DB_DATABASE, Auch onboarded). Targets: performance, accessibility, best practices
| ≥ 90, LCP < 2.5 s, first-screen JavaScript < 150 kB gzipped.
|
| SCREENS: comma-separated paths (default: the feed opened from a town hall's link, which
| resolves the commune first, and the commune chooser; add the report screen's path once it
| exists). BASELINE_DIR: a checkout of an earlier commit (its node_modules linked) measured in
| the same run, its server on BENCH_PORT + 100, the rounds alternating A B A B. Each figure:
| the median of ROUNDS runs, with its spread (min–max).
*/
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import lighthouse from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'

const ROUNDS = Number(process.env.ROUNDS ?? 5)
const PORT = Number(process.env.BENCH_PORT ?? 3417)
const SCREENS = (process.env.SCREENS ?? '/app/?commune=32013,/app/communes').split(',')
const database = process.env.BENCH_DB_DATABASE ?? 'bastide_bench_lighthouse'
const baseEnv = {
  ...process.env,
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  APP_KEY: process.env.APP_KEY ?? 'bench-key-not-secret-0123456789abcdef',
  LOG_LEVEL: 'warn',
  DB_DATABASE: database,
  SESSION_DRIVER: 'cookie',
  LIMITER_STORE: 'memory',
  MAIL_MAILER: 'json',
  MAIL_FROM_NAME: 'Bastide',
  MAIL_FROM_ADDRESS: 'bench@bastide.localhost',
  DRIVE_DISK: 'fs',
}

interface Target {
  name: string
  dir: string
  port: number
  server?: ChildProcess
}
const targets: Target[] = [{ name: 'this checkout', dir: process.cwd(), port: PORT }]
if (process.env.BASELINE_DIR) {
  targets.push({ name: 'baseline', dir: process.env.BASELINE_DIR, port: PORT + 100 })
}
const envOf = (target: Target) => ({
  ...baseEnv,
  PORT: String(target.port),
  APP_URL: `http://127.0.0.1:${target.port}`,
})
const run = (target: Target, command: string, args: string[]) =>
  execFileSync(command, args, {
    cwd: target.dir,
    env: envOf(target),
    stdio: ['ignore', 'ignore', 'inherit'],
  })

try {
  execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-c', `create database ${database}`], {
    stdio: 'ignore',
  })
} catch {
  // Exists already.
}
/**
 * A production build left in public/assets changes how a checkout runs afterwards (Inertia's
 * asset version comes from its manifest, so the tests' app processes get 409s): the bench
 * removes the builds it made where there was none.
 */
const madeBuilds = targets
  .map((target) => join(target.dir, 'public/assets'))
  .filter((folder) => !existsSync(join(folder, '.vite/manifest.json')))
process.on('exit', () => {
  for (const folder of madeBuilds) rmSync(folder, { recursive: true, force: true })
})
for (const target of targets) {
  console.log(`Building the client bundles of ${target.name} (vite build)…`)
  run(target, 'npx', ['vite', 'build', '--logLevel', 'warn'])
}
run(targets[0], 'node', ['ace', 'migration:run', '--force'])
run(targets[0], 'node', ['ace', 'collectivity:onboard', '--commune=32013'])

for (const target of targets) {
  target.server = spawn('node', ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
    cwd: target.dir,
    env: envOf(target),
    stdio: 'inherit',
  })
}
for (const target of targets) {
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await fetch(`http://127.0.0.1:${target.port}/app/`)
      if (answer.ok) break
    } catch {}
    if (attempt > 120) throw new Error(`the server of ${target.name} did not start`)
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const
type Figure = (typeof CATEGORIES)[number] | 'lcp' | 'fcp' | 'js'
const figures = new Map<string, Record<Figure, number[]>>()
const slot = (target: Target, screen: string) => {
  const key = `${target.name} ${screen}`
  if (!figures.has(key)) {
    figures.set(key, {
      'performance': [],
      'accessibility': [],
      'best-practices': [],
      'lcp': [],
      'fcp': [],
      'js': [],
    })
  }
  return figures.get(key)!
}

/** First-screen JavaScript: every script the page loaded, gzipped as a CDN would serve it. */
async function gzippedScripts(lhr: any) {
  const scripts = (lhr.audits['network-requests'].details.items as any[]).filter(
    (item) => item.resourceType === 'Script'
  )
  let bytes = 0
  for (const script of scripts) {
    const answer = await fetch(script.url)
    bytes += gzipSync(Buffer.from(await answer.arrayBuffer())).length
  }
  return bytes
}

try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const screen of SCREENS) {
      // Alternating: A B in even rounds, B A in odd ones, so drift hurts neither side.
      const order = round % 2 === 0 ? targets : [...targets].reverse()
      for (const target of order) {
        const result = await lighthouse(`http://127.0.0.1:${target.port}${screen}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
          formFactor: 'mobile',
        })
        const lhr = result!.lhr
        const figure = slot(target, screen)
        for (const key of CATEGORIES) {
          figure[key].push(Math.round((lhr.categories[key].score ?? 0) * 100))
        }
        figure.lcp.push(lhr.audits['largest-contentful-paint'].numericValue ?? Infinity)
        figure.fcp.push(lhr.audits['first-contentful-paint'].numericValue ?? Infinity)
        figure.js.push(await gzippedScripts(lhr))
      }
    }
  }
} finally {
  await chrome.kill()
  for (const target of targets) target.server?.kill('SIGTERM')
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const spread = (values: number[], shown: (value: number) => string) =>
  `${shown(Math.min(...values))}–${shown(Math.max(...values))}`
const seconds = (value: number) => (value / 1000).toFixed(2)
const kilobytes = (value: number) => (value / 1024).toFixed(1)
const row = (
  name: string,
  values: number[],
  shown: (v: number) => string,
  unit: string,
  target: string,
  ok: boolean
) =>
  console.log(
    `  ${name.padEnd(26)} ${`${shown(median(values))}${unit}`.padStart(9)}  (${spread(values, shown)})  target ${target.padEnd(9)} ${ok ? 'ok' : 'MISSED'}`
  )

for (const screen of SCREENS) {
  for (const target of targets) {
    const figure = slot(target, screen)
    console.log(`\n${target.name}: ${screen} — Lighthouse, mobile, median of ${ROUNDS} (min–max)`)
    for (const key of CATEGORIES) {
      row(key, figure[key], String, '', '≥ 90', median(figure[key]) >= 90)
    }
    row('largest contentful paint', figure.lcp, seconds, ' s', '< 2.5 s', median(figure.lcp) < 2500)
    row('first contentful paint', figure.fcp, seconds, ' s', '', true)
    row(
      'first-screen JS (gzip)',
      figure.js,
      kilobytes,
      ' kB',
      '< 150 kB',
      median(figure.js) < 150 * 1024
    )
  }
  if (targets.length === 2) {
    const [current, baseline] = targets.map((target) => slot(target, screen))
    console.log(
      `  LCP ratio this/baseline: ${(median(current.lcp) / median(baseline.lcp)).toFixed(2)}, performance ${median(current.performance)} vs ${median(baseline.performance)}`
    )
  }
}
