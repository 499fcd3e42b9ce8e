import { test } from '@japa/runner'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import app from '@adonisjs/core/services/app'
import { freePort } from '#tests/helpers/app_process'

function isAlive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await sleep(100)
  }
  return false
}

/**
 * `npm start`'s supervisor (bin/start.js `runTogether`) over stand-ins for the web server and
 * the worker; the worker's child is a real ffmpeg encoding without end, as during a video job.
 */
test.group('Quick start supervision (bin/start.js)', () => {
  test('a killed worker takes its ffmpeg with it and is restarted; the web server keeps serving', async ({
    assert,
    cleanup,
  }) => {
    const port = await freePort()
    const supervisor = spawn(
      app.makePath('node_modules/.bin/node'),
      ['tests/fixtures/quickstart/supervise.mjs'],
      {
        cwd: app.makePath(),
        env: { ...process.env, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    )
    let stdout = ''
    let stderr = ''
    supervisor.stdout!.on('data', (chunk) => (stdout += chunk))
    supervisor.stderr!.on('data', (chunk) => (stderr += chunk))
    const exited = once(supervisor, 'exit')
    cleanup(() => void (supervisor.exitCode === null && supervisor.kill('SIGKILL')))

    const workers = () =>
      [...stdout.matchAll(/standin-worker (\d+) ffmpeg (\d+)/g)].map((match) => ({
        worker: Number(match[1]),
        ffmpeg: Number(match[2]),
      }))
    const web = () =>
      fetch(`http://127.0.0.1:${port}/`).then(
        (response) => response.text(),
        () => null
      )

    assert.isTrue(await eventually(() => workers().length === 1), stderr)
    assert.isTrue(await eventually(async () => (await web()) !== null), stderr)
    // Should this test fail half-way, nothing it started is left running.
    cleanup(() => {
      for (const { worker, ffmpeg } of workers()) {
        for (const pid of [worker, ffmpeg]) if (isAlive(pid)) process.kill(pid, 'SIGKILL')
      }
    })
    const webPid = await web()
    const [first] = workers()
    assert.isTrue(isAlive(first.ffmpeg))

    process.kill(first.worker, 'SIGKILL')

    assert.isTrue(await eventually(() => !isAlive(first.ffmpeg)), 'ffmpeg outlived its worker')
    assert.equal(await web(), webPid, 'the web server kept serving, unrestarted')
    assert.isTrue(await eventually(() => workers().length === 2), `${stdout}\n${stderr}`)
    assert.match(stderr, /Le worker s'est arrêté \(SIGKILL\) : le serveur web continue/)
    const [, second] = workers()
    assert.notEqual(second.worker, first.worker)
    assert.isTrue(await eventually(() => isAlive(second.ffmpeg)))

    supervisor.kill('SIGTERM')
    await exited
    assert.isTrue(await eventually(() => !isAlive(second.worker) && !isAlive(second.ffmpeg)))
    assert.isNull(await web())
  }).timeout(60_000)
})
