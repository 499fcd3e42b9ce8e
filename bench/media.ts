/*
| Media pipeline figures (`npm run bench:media`), on the bench database and Redis db:
| 1. a 12-megapixel JPEG to all variants: through upload, queue and worker versus sharp called
|    directly in this process, same images, same concurrency (2), same run;
| 2. a 30 s 1080p clip to 720p: through the pipeline versus the same ffmpeg command run
|    directly, as multiples of real time;
| 3. peak memory (VmHWM) of a `queue:work` process with 20 photos in flight.
| BENCH_IMAGES sets how many photos (default 8).
*/
import { mkdtemp, rm } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawn } from 'node:child_process'
import { BENCH_ENV, ROOT, ensureDatabase, timeAce } from './helpers/env.js'

Object.assign(process.env, BENCH_ENV, { NODE_ENV: 'production' })
ensureDatabase(BENCH_ENV.DB_DATABASE)
timeAce(['migration:run', '--force'], process.env)

await import('reflect-metadata')
const { Ignitor } = await import('@adonisjs/core')
const app = new Ignitor(ROOT, {
  importer: (path: string) => import(path.startsWith('.') ? new URL(path, ROOT).href : path),
}).createApp('console')
await app.init()
await app.boot()
await app.start(async () => {})

const { default: sharp } = await import('sharp')
const { default: AcceptUpload } = await import('#kernel/media/actions/accept_upload')
const { default: Media } = await import('#kernel/media/models/media')
const { default: Collectivity } = await import('#kernel/territories/models/collectivity')
const { processImage } = await import('#kernel/media/pipeline/image')
const { transcodeArgs } = await import('#kernel/media/pipeline/video')
const { runTool } = await import('#kernel/media/pipeline/run_tool')
const { ffmpegPath } = await import('#kernel/media/config')
const { mediaDisk } = await import('#kernel/media/storage')
const { startWorkers, stopWorkers } = await import('#kernel/queue/worker')
const { getQueue, closeQueues } = await import('#kernel/queue/queues')

const IMAGES = Number(process.env.BENCH_IMAGES ?? 8)
const work = await mkdtemp(join(tmpdir(), 'bastide-bench-media-'))
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9
const created: InstanceType<typeof Media>[] = []
await getQueue('media').obliterate({ force: true })

const commune =
  (await Collectivity.findBy({ kind: 'commune', code: '99998' })) ??
  (await Collectivity.create({
    kind: 'commune',
    code: '99998',
    name: 'Banc d’essai',
    slug: 'banc-essai-media',
    searchName: 'banc essai',
    postalCodes: [],
    status: 'onboarded',
    branding: {},
    modules: {},
  }))

async function upload(path: string) {
  const media = await new AcceptUpload().handle({
    collectivityId: commune.id,
    uploader: null,
    path,
  })
  created.push(media)
  return media
}

async function waitReady(ids: number[]) {
  for (;;) {
    const rows = await Media.query().whereIn('id', ids).whereIn('state', ['ready', 'failed'])
    if (rows.length === ids.length) return rows
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function inLanes<T>(
  items: T[],
  lanes: number,
  run: (item: T, index: number) => Promise<unknown>
) {
  let next = 0
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < items.length) {
        const index = next++
        await run(items[index], index)
      }
    })
  )
}

try {
  // 1. Photos
  const photo = join(work, 'photo-12mp.jpg')
  await sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .blur(1.5)
    .jpeg({ quality: 90 })
    .toFile(photo)
  const photos = Array.from({ length: IMAGES }, (_, index) => index)

  // Warm-up (libvips caches, JIT), not timed.
  const warmDir = await mkdtemp(join(work, 'warm-'))
  await processImage(photo, 'image/jpeg', warmDir)
  let started = process.hrtime.bigint()
  await inLanes(photos, 2, async (_, index) => {
    const dir = await mkdtemp(join(work, `direct-${index}-`))
    await processImage(photo, 'image/jpeg', dir)
    await rm(dir, { recursive: true })
  })
  const direct = seconds(started)

  const queued = []
  for (let index = 0; index < photos.length; index++) queued.push(await upload(photo))
  const workers = await startWorkers({ queues: ['media'], concurrency: 2 })
  started = process.hrtime.bigint()
  await waitReady(queued.map((media) => media.id))
  const throughQueue = seconds(started)
  await stopWorkers(workers)

  console.log(`\n12 MP JPEG → 6 variants, ${IMAGES} photos, concurrency 2`)
  console.log(
    `  sharp directly          ${(IMAGES / direct).toFixed(2)} photos/s (${direct.toFixed(1)} s)`
  )
  console.log(
    `  queue + worker + Drive  ${(IMAGES / throughQueue).toFixed(2)} photos/s (${throughQueue.toFixed(1)} s)`
  )
  console.log(`  overhead                ${((throughQueue / direct - 1) * 100).toFixed(1)} %`)

  // 2. Video
  const clip = join(work, 'clip-1080p.mp4')
  await runTool(ffmpegPath(), [
    ...[
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'testsrc2=size=1920x1080:rate=30:duration=30',
    ],
    ...[
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=440:duration=30',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-crf',
      '20',
    ],
    ...['-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', clip],
  ])
  started = process.hrtime.bigint()
  await runTool(ffmpegPath(), transcodeArgs(clip, join(work, 'direct-720p.mp4')))
  const ffmpegDirect = seconds(started)
  const video = await upload(clip)
  const videoWorkers = await startWorkers({ queues: ['media'], concurrency: 1 })
  started = process.hrtime.bigint()
  await waitReady([video.id])
  const videoPipeline = seconds(started)
  await stopWorkers(videoWorkers)
  // Again after the pipeline: the machine's load drifts, so the direct figure brackets it.
  started = process.hrtime.bigint()
  await runTool(ffmpegPath(), transcodeArgs(clip, join(work, 'direct-720p-again.mp4')))
  const ffmpegDirectAgain = seconds(started)
  console.log('\n30 s 1080p clip → 720p H.264/AAC (+ poster)')
  console.log(
    `  ffmpeg directly  ${(30 / ffmpegDirect).toFixed(2)}× then ${(30 / ffmpegDirectAgain).toFixed(2)}× real time`
  )
  console.log(
    `  pipeline         ${(30 / videoPipeline).toFixed(2)}× real time (${videoPipeline.toFixed(1)} s)`
  )

  // 3. Peak memory of a worker with 20 photos in flight
  const burst = []
  for (let index = 0; index < 20; index++) burst.push(await upload(photo))
  const worker = spawn(
    process.execPath,
    ['ace', 'queue:work', '--queue=media', '--concurrency=20'],
    {
      cwd: ROOT,
      env: process.env,
      stdio: 'ignore',
    }
  )
  started = process.hrtime.bigint()
  let peakKb = 0
  const sampler = setInterval(() => {
    const status = readFileSync(`/proc/${worker.pid}/status`, 'utf8')
    peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0))
  }, 100)
  await waitReady(burst.map((media) => media.id))
  clearInterval(sampler)
  const burstTime = seconds(started)
  worker.kill('SIGTERM')
  console.log('\n20 photos of 12 MP in flight in one worker (--concurrency=20)')
  console.log(
    `  peak RSS (VmHWM)  ${(peakKb / 1024).toFixed(0)} MB, all ready in ${burstTime.toFixed(1)} s (boot included)`
  )
} finally {
  await Promise.allSettled(created.map((media) => mediaDisk().deleteAll(media.storagePrefix)))
  await Media.query()
    .whereIn(
      'id',
      created.map((media) => media.id)
    )
    .delete()
  await getQueue('media').obliterate({ force: true })
  await closeQueues()
  await rm(work, { recursive: true, force: true })
  await app.terminate()
}
