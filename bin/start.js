/*
| Quick start: `npm install` then `npm start` (npm puts Node 24 from node_modules first on PATH).
|
| 1. creates .env from .env.example with a fresh APP_KEY when there is none;
| 2. checks PostgreSQL and Redis, and says in one line which one is missing and how to fix it;
| 3. creates the database when the server allows it, runs the migrations, seeds the demo Gers
|    on an empty database;
| 4. starts the web server (as `node ace serve` does, without watching files: TypeScript run by
|    ts-exec, Vite serves the back-office, no build step) and the queue worker
|    (`node ace queue:work`), restarted if it dies while the web server keeps serving; Ctrl-C
|    or SIGTERM stops both.
|
| Plain JavaScript on purpose: it runs before anything is compiled and needs no loader.
*/
import { randomBytes } from 'node:crypto'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseEnv } from 'node:util'

const ROOT = fileURLToPath(new URL('../', import.meta.url))

/** A failure the user can fix: printed as one line, without a stack trace. */
class QuickStartError extends Error {}

/** Writes .env from .env.example with a fresh APP_KEY; fills an empty APP_KEY in place. */
export function ensureEnvFile(root = ROOT) {
  const envPath = `${root}/.env`
  const key = () => randomBytes(32).toString('base64url')
  if (!existsSync(envPath)) {
    const example = readFileSync(`${root}/.env.example`, 'utf8')
    writeFileSync(envPath, example.replace(/^APP_KEY=.*$/m, `APP_KEY=${key()}`))
    return 'created'
  }
  const current = readFileSync(envPath, 'utf8')
  if (/^APP_KEY=\s*$/m.test(current)) {
    writeFileSync(envPath, current.replace(/^APP_KEY=\s*$/m, `APP_KEY=${key()}`))
    return 'key-added'
  }
  return 'kept'
}

/** .env values under the process environment (which wins, as in the app). */
export function loadEnv(root = ROOT) {
  return { ...parseEnv(readFileSync(`${root}/.env`, 'utf8')), ...process.env }
}

export function postgresTarget(env) {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL)
    return {
      connectionString: env.DATABASE_URL,
      host: url.hostname,
      port: Number(url.port || 5432),
      database: decodeURIComponent(url.pathname.slice(1)),
      user: decodeURIComponent(url.username),
      hint: 'DATABASE_URL',
    }
  }
  return {
    host: env.DB_HOST || '127.0.0.1',
    port: Number(env.DB_PORT || 5432),
    user: env.DB_USER || 'postgres',
    password: env.DB_PASSWORD || undefined,
    database: env.DB_DATABASE || 'bastide',
    hint: 'DB_HOST/DB_PORT',
  }
}

async function connectPostgres(target, database) {
  const { default: pg } = await import('pg')
  const { connectionString, host, port, user, password } = target
  let options = { host, port, user, password, database }
  if (connectionString) {
    const url = new URL(connectionString)
    url.pathname = `/${encodeURIComponent(database)}`
    options = { connectionString: url.toString() }
  }
  const client = new pg.Client({ ...options, connectionTimeoutMillis: 5000 })
  client.on('error', () => {})
  await client.connect()
  return client
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN'])

/** Connects to the app's database, creating it first when it is missing and allowed. */
export async function preparePostgres(env) {
  const target = postgresTarget(env)
  const where = `${target.host}:${target.port}`
  try {
    return await connectPostgres(target, target.database)
  } catch (error) {
    if (error.code === '3D000') return createDatabase(target)
    if (UNREACHABLE.has(error.code) || /timeout/i.test(error.message)) {
      throw new QuickStartError(
        `PostgreSQL injoignable sur ${where} : démarrez-le (pg_ctlcluster <version> main start, ou votre service PostgreSQL) ou réglez ${target.hint} dans .env`
      )
    }
    if (['28P01', '28000'].includes(error.code)) {
      throw new QuickStartError(
        `PostgreSQL refuse l'utilisateur « ${target.user} » sur ${where} : vérifiez DB_USER/DB_PASSWORD (ou DATABASE_URL) dans .env`
      )
    }
    throw new QuickStartError(`PostgreSQL sur ${where} : ${error.message}`)
  }
}

async function createDatabase(target) {
  const admin = await connectPostgres(target, 'postgres').catch(() => null)
  try {
    if (!admin) throw new Error('no maintenance database')
    await admin.query(`CREATE DATABASE "${target.database.replaceAll('"', '""')}"`)
    console.log(`Base « ${target.database} » créée.`)
  } catch (error) {
    throw new QuickStartError(
      `La base « ${target.database} » n'existe pas et « ${target.user} » ne peut pas la créer : créez-la (createdb ${target.database}) ou réglez DB_DATABASE dans .env`
    )
  } finally {
    await admin?.end()
  }
  return connectPostgres(target, target.database)
}

export async function checkRedis(env) {
  const { Redis } = await import('ioredis')
  const url = new URL(env.REDIS_URL || 'redis://127.0.0.1:6379/0')
  const where = `${url.hostname}:${url.port || 6379}`
  const client = new Redis(url.toString(), {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.ping()
  } catch (error) {
    const hint = /NOAUTH|WRONGPASS/.test(error.message)
      ? 'vérifiez le mot de passe dans REDIS_URL (.env)'
      : 'démarrez-le (redis-server --daemonize yes) ou réglez REDIS_URL dans .env'
    throw new QuickStartError(`Redis injoignable sur ${where} : ${hint}`)
  } finally {
    client.disconnect()
  }
}

/** Runs `node ace <args>` to completion with this very Node (24, from node_modules). */
function ace(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['ace', ...args], { cwd: ROOT, env, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new QuickStartError(`« node ace ${args.join(' ')} » a échoué (code ${code})`))
    )
  })
}

/**
 * "Empty" means nobody can sign in yet: no agent. The demo seeder is idempotent, so a database
 * that already holds territories (onboarded by hand) still gets the demo logins it prints.
 */
async function isEmpty(client) {
  const result = await client.query('SELECT count(*)::int AS total FROM agents')
  return result.rows[0].total === 0
}

async function waitForHttp(url, children, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (children.some((child) => child.exitCode !== null)) return false
    const response = await fetch(url).catch(() => null)
    if (response) return true
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  return false
}

function printWelcome(env) {
  const base = (env.APP_URL || `http://localhost:${env.PORT || 3333}`).replace(/\/$/, '')
  const lines = [
    '',
    `Bastide est prêt : ${base}/login (back-office)`,
    `  API citoyenne : ${base}/api/v1 — documentation ${base}/api/v1/docs — santé ${base}/health`,
  ]
  const loginsPath = `${ROOT}/database/seeders/demo_logins.json`
  if (existsSync(loginsPath)) {
    const { password, agents } = JSON.parse(readFileSync(loginsPath, 'utf8'))
    lines.push(`  Comptes de démonstration (mot de passe : ${password}) :`)
    for (const agent of agents) lines.push(`    ${agent.email.padEnd(40)} ${agent.label}`)
  }
  lines.push('  Ctrl-C arrête le serveur web et le worker.', '')
  console.log(lines.join('\n'))
}

/** What `npm start` runs: the web server and the queue worker, with this very Node. */
export function quickStartCommands() {
  return {
    // What `node ace serve` runs, minus its file watcher: that wrapper ignores SIGTERM, and a
    // quick start needs no reload. DEV_MODE makes @adonisjs/vite serve the back-office itself.
    web: ['--import=@poppinss/ts-exec', '--enable-source-maps', 'bin/server.ts'],
    worker: ['ace', 'queue:work'],
  }
}

/** Kills what is left of a process group (a worker's ffmpeg children), quietly. */
function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // Nobody left in the group.
  }
}

/** 1 s after a first crash, doubling while the worker keeps crashing, 30 s at most. */
export function nextRestartDelay(previousDelay, ranForMs) {
  if (ranForMs > 60_000 || previousDelay === 0) return 1000
  return Math.min(previousDelay * 2, 30_000)
}

/**
 * Web server and queue worker side by side; one signal stops both. The web server going down
 * stops everything; the worker going down does not: the web server keeps serving and the worker
 * is started again. The worker leads its own process group, so when it dies (even SIGKILL) its
 * children — an ffmpeg transcoding a video — are killed with it rather than left running.
 */
export function runTogether(env, commands = quickStartCommands()) {
  const web = spawn(process.execPath, commands.web, {
    cwd: ROOT,
    env: { ...env, DEV_MODE: 'true' },
    stdio: 'inherit',
  })
  let worker
  let stopping = false
  let restartDelay = 0
  let restartTimer

  const startWorker = () => {
    const startedAt = Date.now()
    const child = spawn(process.execPath, commands.worker, {
      cwd: ROOT,
      env,
      stdio: 'inherit',
      detached: true,
    })
    worker = child
    child.on('exit', (code, signal) => {
      killGroup(child.pid)
      if (stopping) return
      restartDelay = nextRestartDelay(restartDelay, Date.now() - startedAt)
      console.error(
        `Le worker s'est arrêté (${signal ?? `code ${code}`}) : le serveur web continue, redémarrage du worker dans ${restartDelay / 1000} s.`
      )
      restartTimer = setTimeout(() => stopping || startWorker(), restartDelay)
    })
  }

  const stop = (signal) => {
    clearTimeout(restartTimer)
    const running = [web, worker].filter((child) => child && child.exitCode === null && child.signalCode === null)
    if (stopping) {
      for (const child of running) child.kill('SIGKILL')
      return
    }
    stopping = true
    for (const child of running) child.kill(signal)
  }
  process.on('SIGINT', () => stop('SIGTERM'))
  process.on('SIGTERM', () => stop('SIGTERM'))
  web.on('exit', (code) => {
    if (!stopping) {
      console.error(`Le serveur web s'est arrêté (code ${code}) : arrêt du worker.`)
      process.exitCode = 1
      stop('SIGTERM')
    }
  })
  startWorker()
  return { web, worker: () => worker }
}

async function main() {
  const [major] = process.versions.node.split('.').map(Number)
  if (major < 24) {
    throw new QuickStartError(`Node ${process.versions.node} : lancez « npm start » (npm fournit Node 24 depuis node_modules)`)
  }
  const envFile = ensureEnvFile()
  if (envFile === 'created') console.log('.env créé depuis .env.example, avec une APP_KEY neuve.')
  if (envFile === 'key-added') console.log('APP_KEY ajoutée à .env.')
  const env = loadEnv()

  const client = await preparePostgres(env)
  try {
    await checkRedis(env)
    await ace(['migration:run', '--force'], env)
    if (await isEmpty(client)) {
      console.log('Base vide : chargement de la démonstration (le Gers)…')
      await ace(['db:seed', '--files=database/seeders/demo_gers_seeder.ts'], env)
    }
  } finally {
    await client.end()
  }

  const { web } = runTogether(env)
  const host = !env.HOST || env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST
  if (await waitForHttp(`http://${host}:${env.PORT || 3333}/health`, [web])) printWelcome(env)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error instanceof QuickStartError ? error.message : `Démarrage impossible : ${error.message}`)
    process.exit(1)
  })
}
