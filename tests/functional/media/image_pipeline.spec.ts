import { test } from '@japa/runner'
import sharp from 'sharp'
import ProcessMedia from '#kernel/media/actions/process_media'
import { mediaDisk } from '#kernel/media/storage'
import * as fixtures from '#tests/fixtures/media/generate'
import { storedKeys, usePipelineFixtures } from '#tests/fixtures/media/records'

/** Every metadata block sharp can see in a file: none may survive in a variant. */
async function metadataBlocks(bytes: Uint8Array) {
  const metadata = await sharp(bytes).metadata()
  return {
    exif: metadata.exif,
    xmp: metadata.xmp,
    iptc: metadata.iptc,
    icc: metadata.icc,
    orientation: metadata.orientation,
  }
}

test.group('Media · image pipeline (real sharp)', (group) => {
  const files = usePipelineFixtures(group)
  const upload = files.upload

  test('a phone JPEG becomes upright WebP and JPEG variants with no EXIF, GPS or XMP left', async ({
    assert,
  }) => {
    const source = await fixtures.jpegWithGps(files.dir)
    const before = await sharp(source).metadata()
    assert.equal(before.orientation, 6)
    assert.isTrue(
      before.exif!.includes(Buffer.from([0x88, 0x25])) ||
        before.exif!.includes(Buffer.from([0x25, 0x88]))
    )
    assert.exists(before.xmp)

    const media = await upload(source)
    assert.equal(await new ProcessMedia().handle(media.id), 'ready')
    await media.refresh()

    assert.equal(media.state, 'ready')
    assert.deepEqual([media.width, media.height], [900, 1800])
    assert.deepEqual(
      media.variants.map((variant) => [variant.name, variant.mime, variant.width, variant.height]),
      [
        ['w320.webp', 'image/webp', 320, 640],
        ['w320.jpg', 'image/jpeg', 320, 640],
        ['w800.webp', 'image/webp', 800, 1600],
        ['w800.jpg', 'image/jpeg', 800, 1600],
        // 1600 wide was asked, the photo is 900 wide: never upscaled.
        ['w1600.webp', 'image/webp', 900, 1800],
        ['w1600.jpg', 'image/jpeg', 900, 1800],
      ]
    )
    for (const variant of media.variants) {
      const bytes = await mediaDisk().getBytes(variant.key)
      assert.equal(bytes.length, variant.bytes)
      assert.deepEqual(await metadataBlocks(bytes), {
        exif: undefined,
        xmp: undefined,
        iptc: undefined,
        icc: undefined,
        orientation: undefined,
      })
      assert.notInclude(Buffer.from(bytes).toString('latin1'), 'iPhone')
      // Orientation applied to the pixels: the red half (left as stored) is now on top.
      const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true })
      const pixel = (x: number, y: number) => [
        ...data.subarray(
          (y * info.width + x) * info.channels,
          (y * info.width + x) * info.channels + 3
        ),
      ]
      const [topRed, , topBlue] = pixel(Math.floor(info.width / 2), 5)
      const [bottomRed, , bottomBlue] = pixel(Math.floor(info.width / 2), info.height - 5)
      assert.isAbove(topRed, 200)
      assert.isBelow(topBlue, 60)
      assert.isAbove(bottomBlue, 200)
      assert.isBelow(bottomRed, 60)
    }
    assert.match(media.placeholder!.blurhash, /^[0-9A-Za-z#$%*+,\-.:;=?@[\]^_{|}~]{20,}$/)
    assert.match(media.placeholder!.dominantColour, /^#[0-9a-f]{6}$/)
    // The original stays, private, beside the current variants only.
    assert.deepEqual(
      await storedKeys(media),
      [media.originalKey, ...media.variants.map((v) => v.key)].sort()
    )
  })

  test('PNG and WebP are accepted and a small image is never upscaled', async ({ assert }) => {
    const pngMedia = await upload(await fixtures.png(files.dir, 200, 100))
    const webpMedia = await upload(await fixtures.webp(files.dir))
    await new ProcessMedia().handle(pngMedia.id)
    await new ProcessMedia().handle(webpMedia.id)
    await pngMedia.refresh()
    await webpMedia.refresh()

    assert.equal(pngMedia.mime, 'image/png')
    assert.deepEqual(
      pngMedia.variants.map((v) => [v.name, v.width, v.height]),
      [
        ['w320.webp', 200, 100],
        ['w320.jpg', 200, 100],
      ]
    )
    assert.equal(webpMedia.state, 'ready')
    assert.deepEqual(
      webpMedia.variants.map((v) => v.width),
      [320, 320, 500, 500]
    )
    for (const variant of webpMedia.variants) {
      const metadata = await sharp(await mediaDisk().getBytes(variant.key)).metadata()
      assert.isUndefined(metadata.exif)
    }
  })

  test('an HEVC-coded HEIC (generated from an x265 frame) is decoded by heic-decode and processed', async ({
    assert,
  }) => {
    const media = await upload(await fixtures.heic(files.dir))
    assert.equal(media.mime, 'image/heic')
    assert.equal(await new ProcessMedia().handle(media.id), 'ready')
    await media.refresh()
    assert.deepEqual([media.width, media.height], [256, 192])
    assert.deepEqual(
      media.variants.map((v) => [v.name, v.mime, v.width, v.height]),
      [
        ['w320.webp', 'image/webp', 256, 192],
        ['w320.jpg', 'image/jpeg', 256, 192],
      ]
    )
    // The test pattern is colourful: a decoding gone wrong would give a flat black picture.
    const stats = await sharp(await mediaDisk().getBytes(media.variants[1].key)).stats()
    assert.isAbove(stats.channels[0].stdev, 30)
  })

  test('a truncated JPEG fails with its reason, without a retry and without files', async ({
    assert,
  }) => {
    const whole = await fixtures.jpegWithGps(files.dir, 'whole.jpg')
    const media = await upload(await fixtures.truncated(whole, files.dir, 'cut.jpg'))
    assert.equal(await new ProcessMedia().handle(media.id, { isLastAttempt: false }), 'failed')
    await media.refresh()
    assert.equal(media.state, 'failed')
    assert.equal(media.failureCode, 'E_MEDIA_UNREADABLE')
    assert.equal(media.failureReason, "L'image est illisible ou endommagée.")
    assert.deepEqual(media.variants, [])
    assert.deepEqual(await storedKeys(media), [media.originalKey])
  })

  test('a 30000×30000 PNG header (decompression bomb) fails without being decoded', async ({
    assert,
  }) => {
    const media = await upload(await fixtures.pngBomb(files.dir))
    const started = Date.now()
    assert.equal(await new ProcessMedia().handle(media.id), 'failed')
    assert.isBelow(Date.now() - started, 5_000)
    await media.refresh()
    assert.equal(media.failureCode, 'E_MEDIA_TOO_MANY_PIXELS')
    assert.include(media.failureReason!, 'mégapixels')
  })

  test('a JPEG carrying an HTML payload is re-encoded: no byte of the payload survives', async ({
    assert,
  }) => {
    const media = await upload(await fixtures.polyglotJpegHtml(files.dir))
    assert.equal(media.mime, 'image/jpeg')
    assert.equal(await new ProcessMedia().handle(media.id), 'ready')
    await media.refresh()
    for (const variant of media.variants) {
      assert.notInclude(
        Buffer.from(await mediaDisk().getBytes(variant.key)).toString('latin1'),
        '<script'
      )
    }
  })

  test('processing again replaces the variants and deletes the old files', async ({ assert }) => {
    const media = await upload(await fixtures.png(files.dir, 900, 600, 'again.png'))
    await new ProcessMedia().handle(media.id)
    await media.refresh()
    const firstKeys = media.variants.map((variant) => variant.key)

    assert.equal(await new ProcessMedia().handle(media.id), 'ready')
    await media.refresh()
    const secondKeys = media.variants.map((variant) => variant.key)
    assert.lengthOf(secondKeys, firstKeys.length)
    assert.notDeepEqual(secondKeys, firstKeys)
    for (const key of firstKeys) assert.isFalse(await mediaDisk().exists(key))
    assert.deepEqual(await storedKeys(media), [media.originalKey, ...secondKeys].sort())
    assert.equal(media.attempts, 2)
  })
})
