/*
| Shared by the benchmarks: their own database (BENCH_DB_DATABASE, default bastide_bench), Redis
| db and port, so that a run never touches development or test data.
*/
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'

export const BENCH_ENV = {
  ...process.env,
  DB_DATABASE: process.env.BENCH_DB_DATABASE ?? 'bastide_bench',
  REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9',
  QUEUE_PREFIX: 'bench',
  LOG_LEVEL: 'warn',
}

export const ROOT = new URL('../../', import.meta.url)

/**
 * Runs `node ace …` (the Node 24 of node_modules): its wall time in seconds, and the
 * "Durée : x s" the onboarding command prints (the work alone, boot excluded).
 */
export function timeAce(args: string[], env: NodeJS.ProcessEnv = BENCH_ENV) {
  const started = process.hrtime.bigint()
  const output = execFileSync(process.execPath, ['ace', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  }).toString()
  const reported = /Durée : ([\d.]+) s/.exec(output)
  return {
    wall: Number(process.hrtime.bigint() - started) / 1e9,
    work: reported ? Number(reported[1]) : null,
  }
}

export function ensureDatabase(name: string) {
  const exists = execFileSync('psql', [
    '-h',
    '127.0.0.1',
    '-U',
    'postgres',
    '-tAc',
    `SELECT 1 FROM pg_database WHERE datname = '${name}'`,
  ]).toString()
  if (!exists.trim())
    execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-c', `CREATE DATABASE ${name}`])
}

/**
 * `BENCH_CPU_PROF=DIR`: Node flags that write a CPU profile of the server under test to DIR
 * when it stops (SIGTERM ends an AdonisJS server gracefully, so the profile is written).
 */
export function cpuProfileFlags(): string[] {
  const dir = process.env.BENCH_CPU_PROF
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []
}

/** Starts a server process and resolves once `url` answers. */
export async function startServer(
  command: string[],
  env: NodeJS.ProcessEnv,
  url: string
): Promise<ChildProcess> {
  const child = spawn(process.execPath, command, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      const response = await fetch(url)
      if (response.status < 500) return child
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  child.kill()
  throw new Error(`server did not answer at ${url}`)
}
