import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp, { type Sharp, type SharpOptions } from 'sharp'
import decodeHeic from 'heic-decode'
import { encode as encodeBlurhash } from 'blurhash'
import { HEIF_MIMES } from '#kernel/media/detect'
import { IMAGE_WIDTHS, mediaLimits } from '#kernel/media/config'
import { MediaRejected } from '#kernel/media/errors'
import type { MediaPlaceholder } from '#kernel/media/models/media'
import type { PipelineResult, ProducedFile } from '#kernel/media/pipeline/types'

/** How sharp reads the source: a file, or raw pixels decoded from HEIC. */
export interface ImageSource {
  input: string | Buffer
  options: SharpOptions
}

const unreadable = () =>
  new MediaRejected('E_MEDIA_UNREADABLE', "L'image est illisible ou endommagée.")
const tooManyPixels = (max: number) =>
  new MediaRejected(
    'E_MEDIA_TOO_MANY_PIXELS',
    `L'image est trop grande (plus de ${Math.round(max / 1_000_000)} mégapixels).`
  )

/**
 * HEVC-coded HEIC (every iPhone photo) is beyond sharp's bundled libvips: libheif (as
 * WebAssembly) decodes it, orientation already applied, and sharp gets raw RGBA pixels, so
 * none of the HEIC's metadata can reach a variant.
 */
async function heicSource(path: string, maxPixels: number): Promise<ImageSource> {
  let images: Awaited<ReturnType<typeof decodeHeic.all>>
  try {
    images = await decodeHeic.all({ buffer: await readFile(path) })
  } catch {
    throw unreadable()
  }
  try {
    const primary = images[0]
    if (primary.width * primary.height > maxPixels) throw tooManyPixels(maxPixels)
    const { width, height, data } = await primary.decode().catch(() => {
      throw unreadable()
    })
    const pixels = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    return { input: pixels, options: { raw: { width, height, channels: 4 } } }
  } finally {
    images.dispose()
  }
}

/**
 * A fresh sharp pipeline on the source, orientation applied and colours in sRGB. Sharp writes
 * no metadata (EXIF, GPS, XMP, IPTC, ICC) unless asked with `withMetadata`/`keep*`: never ask.
 */
function oriented(source: ImageSource, maxPixels: number): Sharp {
  return sharp(source.input, {
    ...source.options,
    limitInputPixels: maxPixels,
    failOn: 'truncated',
  })
    .rotate()
    .toColourspace('srgb')
}

/** Blurhash and dominant colour of a picture, for the apps to show while the variant loads. */
export async function placeholderOf(
  source: ImageSource,
  maxPixels: number
): Promise<MediaPlaceholder> {
  const small = await oriented(source, maxPixels)
    .resize(32, 32, { fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const blurhash = encodeBlurhash(
    new Uint8ClampedArray(small.data),
    small.info.width,
    small.info.height,
    4,
    3
  )
  const { dominant } = await sharp(small.data, { raw: small.info }).stats()
  const hex = [dominant.r, dominant.g, dominant.b]
    .map((value) => value.toString(16).padStart(2, '0'))
    .join('')
  return { blurhash, dominantColour: `#${hex}` }
}

/**
 * A photo to its public variants: 320, 800 and 1600 px wide (never upscaled), each in WebP
 * and JPEG, stripped of every metadata block, plus a placeholder. Input problems (not an
 * image, truncated, a decompression bomb) are MediaRejected.
 */
export async function processImage(
  path: string,
  mime: string,
  workDir: string
): Promise<PipelineResult> {
  const maxPixels = mediaLimits().imageMaxPixels
  const source: ImageSource = HEIF_MIMES.has(mime)
    ? await heicSource(path, maxPixels)
    : { input: path, options: {} }

  const metadata = await sharp(source.input, { ...source.options, limitInputPixels: false })
    .metadata()
    .catch(() => {
      throw unreadable()
    })
  if (!metadata.width || !metadata.height) throw unreadable()
  if (metadata.width * metadata.height > maxPixels) throw tooManyPixels(maxPixels)
  const width = metadata.autoOrient?.width ?? metadata.width
  const height = metadata.autoOrient?.height ?? metadata.height

  try {
    const targetWidths = [...new Set(IMAGE_WIDTHS.map((target) => Math.min(target, width)))]
    const files: ProducedFile[] = []
    for (const [index, targetWidth] of targetWidths.entries()) {
      const label = `w${IMAGE_WIDTHS[index]}`
      const resized = oriented(source, maxPixels).resize({
        width: targetWidth,
        withoutEnlargement: true,
      })
      const outputs = [
        { name: `${label}.webp`, mime: 'image/webp', image: resized.clone().webp({ quality: 80 }) },
        {
          name: `${label}.jpg`,
          mime: 'image/jpeg',
          image: resized.clone().jpeg({ quality: 82, progressive: true }),
        },
      ]
      for (const output of outputs) {
        const filePath = join(workDir, output.name)
        const info = await output.image.toFile(filePath)
        files.push({
          name: output.name,
          path: filePath,
          mime: output.mime,
          width: info.width,
          height: info.height,
          bytes: info.size,
        })
      }
    }
    return { facts: { width, height }, files, placeholder: await placeholderOf(source, maxPixels) }
  } catch (error) {
    // A system error (disk full…) is worth a retry; any other sharp error comes from the input
    // (truncated data, pixel limit, corrupt stream) and would fail again.
    if (error instanceof Error && !('code' in error)) throw unreadable()
    throw error
  }
}
