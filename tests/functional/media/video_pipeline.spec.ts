import { test } from '@japa/runner'
import env from '#start/env'
import ProcessMedia from '#kernel/media/actions/process_media'
import type Media from '#kernel/media/models/media'
import { mediaDisk, workRoot } from '#kernel/media/storage'
import { probe, videoStreamOf } from '#kernel/media/pipeline/probe'
import * as fixtures from '#tests/fixtures/media/generate'
import { storedKeys, usePipelineFixtures } from '#tests/fixtures/media/records'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { writeFile } from 'node:fs/promises'
import sharp from 'sharp'

/** Container tags ffmpeg itself writes; anything else would be a leak from the source. */
const HARMLESS_FORMAT_TAGS = ['major_brand', 'minor_version', 'compatible_brands', 'encoder']

test.group('Media · video pipeline (real ffmpeg)', (group) => {
  const files = usePipelineFixtures(group, { type: 'citizen', id: 42 })
  const upload = files.upload

  async function variantFile(media: Media, name: string) {
    const variant = media.variants.find((item) => item.name === name)!
    const path = join(files.dir, `${media.id}-${name}`)
    await writeFile(path, await mediaDisk().getBytes(variant.key))
    return { variant, path }
  }

  test('a rotated phone MOV with a location tag becomes an upright, untagged H.264/AAC MP4 and a poster', async ({
    assert,
  }) => {
    const source = await fixtures.video(files.dir, {
      format: 'mov',
      size: '640x360',
      seconds: 3,
      rotate: 90,
      location: '+43.6-000.5/',
    })
    const before = await probe(source)
    assert.match(before.format.tags?.location ?? '', /^\+43\.6/)
    assert.equal(Math.abs(videoStreamOf(before)!.side_data_list![0].rotation!), 90)

    const media = await upload(source)
    assert.deepEqual([media.kind, media.mime], ['video', 'video/quicktime'])
    assert.equal(await new ProcessMedia().handle(media.id), 'ready')
    await media.refresh()

    assert.deepEqual([media.width, media.height], [360, 640])
    assert.closeTo(media.durationMs!, 3000, 150)
    assert.deepEqual([media.videoCodec, media.audioCodec], ['h264', 'aac'])
    assert.deepEqual(
      media.variants.map((variant) => [variant.name, variant.mime]),
      [
        ['video.mp4', 'video/mp4'],
        ['poster.jpg', 'image/jpeg'],
      ]
    )

    const { variant, path } = await variantFile(media, 'video.mp4')
    const output = await probe(path)
    const picture = videoStreamOf(output)!
    assert.deepEqual(
      [picture.codec_name, picture.pix_fmt, picture.width, picture.height],
      ['h264', 'yuv420p', 360, 640]
    )
    assert.deepEqual([variant.width, variant.height], [360, 640])
    assert.isUndefined(picture.side_data_list, 'no display matrix: the rotation is in the pixels')
    assert.equal(output.streams.find((stream) => stream.codec_type === 'audio')?.codec_name, 'aac')
    assert.deepEqual(
      Object.keys(output.format.tags ?? {}).filter((tag) => !HARMLESS_FORMAT_TAGS.includes(tag)),
      []
    )
    for (const stream of output.streams) {
      assert.notProperty(stream.tags ?? {}, 'location')
      assert.notProperty(stream.tags ?? {}, 'rotate')
    }
    const bytes = Buffer.from(await mediaDisk().getBytes(variant.key))
    assert.notInclude(bytes.toString('latin1'), '+43.6')
    assert.notInclude(bytes.toString('latin1'), 'Réunion')
    // Fast start: the index (moov) comes before the media data (mdat).
    assert.isBelow(bytes.indexOf('moov'), bytes.indexOf('mdat'))

    const poster = await variantFile(media, 'poster.jpg')
    const posterMetadata = await sharp(poster.path).metadata()
    assert.deepEqual([posterMetadata.width, posterMetadata.height], [360, 640])
    assert.isUndefined(posterMetadata.exif)
    assert.match(media.placeholder!.dominantColour, /^#[0-9a-f]{6}$/)
    assert.isFalse(existsSync(join(workRoot(), media.publicId)), 'work folder removed')
  })

  test('a 1080p MP4 is brought down to 720p keeping its aspect ratio; WebM is accepted', async ({
    assert,
  }) => {
    const big = await upload(
      await fixtures.video(files.dir, { size: '1920x1080', seconds: 1, name: 'big.mp4' })
    )
    const webm = await upload(
      await fixtures.video(files.dir, { format: 'webm', size: '320x180', seconds: 2 })
    )
    await new ProcessMedia().handle(big.id)
    await new ProcessMedia().handle(webm.id)
    await big.refresh()
    await webm.refresh()

    assert.deepEqual([big.width, big.height], [1920, 1080])
    const video = big.variants.find((item) => item.name === 'video.mp4')!
    assert.deepEqual([video.width, video.height], [1280, 720])
    assert.equal(webm.mime, 'video/webm')
    assert.deepEqual([webm.state, webm.videoCodec, webm.audioCodec], ['ready', 'vp9', 'opus'])
    const webmVideo = webm.variants.find((item) => item.name === 'video.mp4')!
    assert.deepEqual([webmVideo.width, webmVideo.height, webmVideo.mime], [320, 180, 'video/mp4'])
  })

  test('an MP4 with sound but no picture fails with its reason', async ({ assert }) => {
    const media = await upload(await fixtures.video(files.dir, { video: false, name: 'voice.mp4' }))
    assert.equal(await new ProcessMedia().handle(media.id), 'failed')
    await media.refresh()
    assert.equal(media.failureCode, 'E_MEDIA_NO_VIDEO')
    assert.equal(media.failureReason, 'Le fichier ne contient aucune image vidéo.')
    assert.deepEqual(await storedKeys(media), [media.originalKey])
  })

  test('a video over the configured length is refused; a truncated one fails as unreadable', async ({
    assert,
  }) => {
    const long = await upload(await fixtures.video(files.dir, { seconds: 4, name: 'long.mp4' }))
    const whole = await fixtures.video(files.dir, { seconds: 2, name: 'whole.mp4' })
    const cut = await upload(await fixtures.truncated(whole, files.dir, 'cut.mp4'))
    env.set('MEDIA_VIDEO_MAX_SECONDS', '3')
    try {
      assert.equal(await new ProcessMedia().handle(long.id), 'failed')
    } finally {
      env.set('MEDIA_VIDEO_MAX_SECONDS', '180')
    }
    assert.equal(await new ProcessMedia().handle(cut.id), 'failed')
    await long.refresh()
    await cut.refresh()
    assert.equal(long.failureCode, 'E_MEDIA_TOO_LONG')
    assert.equal(long.failureReason, 'La vidéo dépasse la durée maximale de 3 secondes.')
    assert.equal(cut.failureCode, 'E_MEDIA_UNREADABLE')
  })

  test('an abort (the job timeout) kills ffmpeg: the media waits for its retry, no file is left', async ({
    assert,
  }) => {
    const media = await upload(
      await fixtures.video(files.dir, { size: '1280x720', seconds: 6, name: 'slow.mp4' })
    )
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('timeout after 300 ms')), 300)
    const started = Date.now()
    await assert.rejects(
      () => new ProcessMedia().handle(media.id, { signal: controller.signal }),
      'timeout after 300 ms'
    )
    assert.isBelow(Date.now() - started, 3_000)
    await media.refresh()
    assert.equal(media.state, 'pending')
    assert.deepEqual(await storedKeys(media), [media.originalKey])
    assert.isFalse(existsSync(join(workRoot(), media.publicId)))

    // On the last attempt the same failure is final, with a reason for the agent.
    const last = new AbortController()
    last.abort(new Error('timeout'))
    await assert.rejects(() =>
      new ProcessMedia().handle(media.id, { signal: last.signal, isLastAttempt: true })
    )
    await media.refresh()
    assert.deepEqual([media.state, media.failureCode], ['failed', 'E_MEDIA_PROCESSING'])
  })
})
