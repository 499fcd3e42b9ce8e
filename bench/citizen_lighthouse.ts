/*
| Lighthouse on the citizen app's feed screen, mobile profile (Moto G-class phone, slow 4G
| throttling), Debian's Chromium (CHROME_PATH, /usr/bin/chromium by default), against the
| production build: `vite build` of both entries, the server in NODE_ENV=production on its own
| database (BENCH_DB_DATABASE, Auch onboarded with a little content). Targets: performance,
| accessibility, best practices ≥ 90, LCP < 2.5 s, first-screen JavaScript < 150 kB gzipped.
| Each figure is the median of ROUNDS runs.
*/
import { spawn, execFileSync } from 'node:child_process'
import { gzipSync } from 'node:zlib'
import lighthouse from 'lighthouse'
import * as chromeLauncher from 'chrome-launcher'

const ROUNDS = Number(process.env.ROUNDS ?? 3)
const PORT = Number(process.env.BENCH_PORT ?? 3417)
const database = process.env.BENCH_DB_DATABASE ?? 'bastide_bench_lighthouse'
const env = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: String(PORT),
  HOST: '127.0.0.1',
  APP_URL: `http://127.0.0.1:${PORT}`,
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
const run = (command: string, args: string[]) =>
  execFileSync(command, args, { env, stdio: ['ignore', 'ignore', 'inherit'] })

console.log('Building the client bundles (vite build)…')
run('npx', ['vite', 'build', '--logLevel', 'warn'])
try {
  run('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-c', `create database ${database}`])
} catch {
  // Exists already.
}
run('node', ['ace', 'migration:run', '--force'])
run('node', ['ace', 'collectivity:onboard', '--commune=32013'])

const server = spawn('node', ['--import=@poppinss/ts-exec', 'bin/server.ts'], {
  env,
  stdio: 'inherit',
})
const url = `http://127.0.0.1:${PORT}/app/?commune=32013`
for (let attempt = 0; ; attempt++) {
  try {
    const answer = await fetch(url)
    if (answer.ok) break
  } catch {}
  if (attempt > 120) throw new Error('server did not start')
  await new Promise((resolve) => setTimeout(resolve, 500))
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]
const figures: Record<string, number[]> = {
  'performance': [],
  'accessibility': [],
  'best-practices': [],
  'lcp': [],
  'js': [],
}
try {
  for (let round = 0; round < ROUNDS; round++) {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices'],
      formFactor: 'mobile',
    })
    const lhr = result!.lhr
    for (const key of ['performance', 'accessibility', 'best-practices']) {
      figures[key].push(Math.round((lhr.categories[key].score ?? 0) * 100))
    }
    figures.lcp.push(lhr.audits['largest-contentful-paint'].numericValue ?? Infinity)
    // First-screen JavaScript: every script the page loaded, gzipped as a CDN would serve it.
    const scripts = ((lhr.audits['network-requests'].details as any).items as any[]).filter(
      (item) => item.resourceType === 'Script'
    )
    let bytes = 0
    for (const script of scripts) {
      const answer = await fetch(script.url)
      bytes += gzipSync(Buffer.from(await answer.arrayBuffer())).length
    }
    figures.js.push(bytes)
  }
} finally {
  await chrome.kill()
  server.kill('SIGTERM')
}

const row = (name: string, value: string, target: string, ok: boolean) =>
  console.log(
    `${name.padEnd(28)} ${value.padStart(10)}   target ${target.padEnd(10)} ${ok ? 'ok' : 'MISSED'}`
  )
console.log(`\nLighthouse, mobile profile, ${url} (median of ${ROUNDS})`)
for (const key of ['performance', 'accessibility', 'best-practices']) {
  const score = median(figures[key])
  row(key, String(score), '≥ 90', score >= 90)
}
const lcp = median(figures.lcp)
row('largest contentful paint', `${(lcp / 1000).toFixed(2)} s`, '< 2.5 s', lcp < 2500)
const js = median(figures.js)
row('first-screen JS (gzip)', `${(js / 1024).toFixed(1)} kB`, '< 150 kB', js < 150 * 1024)
