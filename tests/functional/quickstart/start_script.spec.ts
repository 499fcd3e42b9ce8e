import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'

/** `node bin/start.js` with Node 24 from node_modules, as `npm start` runs it. */
function runStart(env: Record<string, string>) {
  const child = spawn(app.makePath('node_modules/.bin/node'), ['bin/start.js'], {
    cwd: app.makePath(),
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (chunk) => (stdout += chunk))
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  const exited = once(child, 'exit').then(([code]) => code as number | null)
  return { child, exited, stdout: () => stdout, stderr: () => stderr }
}

test.group('Quick start (bin/start.js)', () => {
  test('writes .env from .env.example with a fresh APP_KEY, and fills an empty one', async ({
    assert,
    cleanup,
  }) => {
    const { ensureEnvFile } = await import(app.makePath('bin/start.js'))
    const root = await mkdtemp(join(tmpdir(), 'bastide-env-'))
    cleanup(() => rm(root, { recursive: true, force: true }))
    await writeFile(join(root, '.env.example'), 'PORT=3333\nAPP_KEY=\nDB_DATABASE=bastide\n')

    assert.equal(ensureEnvFile(root), 'created')
    const created = await readFile(join(root, '.env'), 'utf8')
    const key = created.match(/^APP_KEY=(.+)$/m)?.[1]
    assert.match(key!, /^[\w-]{43}$/)
    assert.include(created, 'DB_DATABASE=bastide')

    assert.equal(ensureEnvFile(root), 'kept')
    assert.equal(await readFile(join(root, '.env'), 'utf8'), created)

    await writeFile(join(root, '.env'), 'PORT=3333\nAPP_KEY=\n')
    assert.equal(ensureEnvFile(root), 'key-added')
    const refilledFile = await readFile(join(root, '.env'), 'utf8')
    const refilled = refilledFile.match(/^APP_KEY=(.+)$/m)?.[1]
    assert.match(refilled!, /^[\w-]{43}$/)
    assert.notEqual(refilled, key)
  })

  test('says in one line that Redis cannot be reached, and exits 1', async ({ assert }) => {
    const run = runStart({ REDIS_URL: 'redis://127.0.0.1:1/0' })
    assert.equal(await run.exited, 1)
    const lines = run.stderr().trim().split('\n')
    assert.lengthOf(lines, 1, run.stderr())
    assert.match(lines[0], /^Redis injoignable sur 127\.0\.0\.1:1 : démarrez-le .* REDIS_URL/)
  }).timeout(30_000)

  test('says in one line that PostgreSQL cannot be reached, and exits 1', async ({ assert }) => {
    const run = runStart({ DB_PORT: '1' })
    assert.equal(await run.exited, 1)
    const lines = run.stderr().trim().split('\n')
    assert.lengthOf(lines, 1, run.stderr())
    assert.match(lines[0], /^PostgreSQL injoignable sur 127\.0\.0\.1:1 : .* dans \.env$/)
  }).timeout(30_000)

  test('on a missing database: creates it, migrates, seeds the demo, serves and works, stops on SIGTERM', async ({
    assert,
    cleanup,
  }) => {
    const database = `${process.env.DB_DATABASE ?? 'bastide_test'}_quickstart`
    const port = Number(process.env.PORT ?? 3334) + 20
    await db.rawQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    cleanup(() => db.rawQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`))

    const run = runStart({
      DB_DATABASE: database,
      PORT: String(port),
      HOST: '127.0.0.1',
      APP_URL: `http://127.0.0.1:${port}`,
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX ?? 'bastide-test'}-quickstart`,
    })
    cleanup(() => void (run.child.exitCode === null && run.child.kill('SIGKILL')))

    const deadline = Date.now() + 150_000
    while (!run.stdout().includes('Bastide est prêt')) {
      if (run.child.exitCode !== null)
        throw new Error(`start.js exited:\n${run.stdout()}\n${run.stderr()}`)
      if (Date.now() > deadline) throw new Error(`not ready:\n${run.stdout()}\n${run.stderr()}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    assert.include(run.stdout(), `Base « ${database} » créée`)
    assert.include(run.stdout(), 'superadmin@bastide.localhost')
    assert.include(run.stdout(), 'Worker prêt')

    const health = await fetch(`http://127.0.0.1:${port}/health`)
    assert.equal(health.status, 200)
    const login = await fetch(`http://127.0.0.1:${port}/login`)
    assert.equal(login.status, 200)
    const search = await fetch(`http://127.0.0.1:${port}/api/v1/collectivities?q=auch`)
    assert.equal(search.status, 200)
    assert.include(await search.text(), 'Auch')

    run.child.kill('SIGTERM')
    assert.equal(await run.exited, 0)
    assert.include(run.stdout(), 'Worker arrêté')
  }).timeout(200_000)
})
