import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import ace from '@adonisjs/core/services/ace'
import AcceptUpload from '#kernel/media/actions/accept_upload'
import Media from '#kernel/media/models/media'
import { workRoot } from '#kernel/media/storage'
import { closeQueues, getQueue } from '#kernel/queue/queues'
import { startWorkers, stopWorkers } from '#kernel/queue/worker'
import Collectivity from '#kernel/territories/models/collectivity'
import * as fixtures from '#tests/fixtures/media/generate'
import { makeCommune, removeMediaFiles, storedKeys } from '#tests/fixtures/media/records'

/** Polls the row until it reaches one of the states (the worker is another process). */
async function waitForState(media: Media, states: string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    await media.refresh()
    if (states.includes(media.state)) return media.state
    await sleep(200)
  }
  throw new Error(`media ${media.id} still ${media.state} after ${timeoutMs} ms`)
}

/** `node ace queue:work` on Node 24 (node_modules/.bin/node; the machine's node is older). */
function spawnWorker(): ChildProcess {
  return spawn(
    app.makePath('node_modules/.bin/node'),
    [
      'ace',
      'queue:work',
      '--queue=media',
      '--concurrency=1',
      '--lock-duration=3000',
      '--stalled-interval=1000',
    ],
    { cwd: app.makePath(), env: process.env, stdio: 'ignore' }
  )
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await Promise.race([exited, sleep(15_000)])
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
}

/*
| A worker is another process (or BullMQ's own connections): rows must be committed, so no
| global transaction here; each test removes what it made.
*/
test.group('Media · through the queue and the worker', (group) => {
  let files: Awaited<ReturnType<typeof fixtures.fixtureDir>>
  const created: Media[] = []
  const communes: Collectivity[] = []
  group.setup(async () => {
    files = await fixtures.fixtureDir()
    await getQueue('media').obliterate({ force: true })
    return async () => {
      await files.remove()
      await getQueue('media').obliterate({ force: true })
      await closeQueues()
    }
  })
  group.each.teardown(async () => {
    await removeMediaFiles(created)
    await Media.query()
      .whereIn(
        'id',
        created.splice(0).map((media) => media.id)
      )
      .delete()
    await Collectivity.query()
      .whereIn(
        'id',
        communes.splice(0).map((commune) => commune.id)
      )
      .delete()
  })

  async function upload(path: string) {
    const commune = await makeCommune()
    communes.push(commune)
    const media = await new AcceptUpload().handle({
      collectivityId: commune.id,
      uploader: null,
      path,
    })
    created.push(media)
    return media
  }

  test('an upload is queued and an in-process worker brings it to ready', async ({ assert }) => {
    const media = await upload(await fixtures.png(files.dir, 400, 300))
    assert.equal(media.state, 'pending')
    assert.equal(await getQueue('media').count(), 1)
    const workers = await startWorkers({ queues: ['media'], concurrency: 1 })
    try {
      assert.equal(await waitForState(media, ['ready', 'failed'], 20_000), 'ready')
    } finally {
      await stopWorkers(workers)
    }
    assert.lengthOf(media.variants, 4)
    assert.equal(media.attempts, 1)
  })

  test('media:reprocess --failed queues failed media again, and only them', async ({ assert }) => {
    const failed = await upload(await fixtures.png(files.dir, 50, 50, 'failed.png'))
    const ready = await upload(await fixtures.png(files.dir, 50, 50, 'ready.png'))
    await getQueue('media').obliterate({ force: true })
    await Media.query()
      .where('id', failed.id)
      .update({ state: 'failed', failureCode: 'E_MEDIA_PROCESSING' })
    await Media.query().where('id', ready.id).update({ state: 'ready' })

    ace.ui.switchMode('raw')
    const command = await ace.exec('media:reprocess', ['--failed'])
    assert.equal(command.exitCode, 0)
    assert.deepEqual(
      command.logger.getLogs().map((log) => log.message),
      ['[ green(success) ] 1 média(s) remis en file de traitement']
    )
    await failed.refresh()
    await ready.refresh()
    assert.deepEqual([failed.state, failed.failureCode], ['pending', null])
    assert.equal(ready.state, 'ready')
    const jobs = await getQueue('media').getJobs(['waiting', 'delayed', 'prioritized'])
    assert.deepEqual(
      jobs.map((job) => job.data),
      [{ mediaId: failed.id }]
    )

    const refused = await ace.exec('media:reprocess', ['--since=hier'])
    assert.equal(refused.exitCode, 1)
    ace.ui.switchMode('normal')
  })

  test('a worker killed (SIGKILL) mid-video: another takes the stalled job up and finishes it, no orphan file', async ({
    assert,
  }) => {
    const source = await fixtures.video(files.dir, {
      size: '1280x720',
      seconds: 20,
      name: 'long-take.mp4',
    })
    const media = await upload(source)

    const doomed = spawnWorker()
    let rescuer: ChildProcess | undefined
    try {
      await waitForState(media, ['processing'], 60_000)
      await sleep(1_500) // ffmpeg is transcoding now
      doomed.kill('SIGKILL')
      await new Promise((resolve) => doomed.once('exit', resolve))
      await media.refresh()
      assert.equal(media.state, 'processing', 'the killed worker could not finish it')

      rescuer = spawnWorker()
      assert.equal(await waitForState(media, ['ready', 'failed'], 150_000), 'ready')
    } finally {
      doomed.kill('SIGKILL')
      if (rescuer) await stopChild(rescuer)
    }
    assert.deepEqual(
      media.variants.map((variant) => variant.name),
      ['video.mp4', 'poster.jpg']
    )
    // Exactly the original and the current variants on the disk, nothing in the work folder.
    assert.deepEqual(
      await storedKeys(media),
      [media.originalKey, ...media.variants.map((v) => v.key)].sort()
    )
    assert.isFalse(existsSync(join(workRoot(), media.publicId)))
    assert.isAtLeast(media.attempts, 2)
  }).timeout(240_000)
})
