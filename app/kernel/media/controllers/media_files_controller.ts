import { createReadStream } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { HttpContext } from '@adonisjs/core/http'
import FindPublicVariant from '#kernel/media/actions/find_public_variant'
import { mediaDisk } from '#kernel/media/storage'
import { parseByteRange } from '#kernel/media/byte_range'

/** Where a key lives when the disk is the local one (byte ranges read the file directly). */
function localPath(key: string): string | undefined {
  const location = (mediaDisk().driver as { options?: { location?: URL | string } }).options
    ?.location
  if (!location) return undefined
  return join(location instanceof URL ? fileURLToPath(location) : location, key)
}

/**
 * Serves the public variants of ready media, streamed from Drive. A variant's URL names one
 * generation, so its content never changes: cached for a year, immutable. Never the original.
 */
export default class MediaFilesController {
  async show({ params, request, response }: HttpContext) {
    const variant = await new FindPublicVariant().handle({
      publicId: String(params.publicId),
      generation: String(params.generation),
      file: String(params.file),
    })
    response.header('Content-Type', variant.mime)
    response.header('Cache-Control', 'public, max-age=31536000, immutable')
    response.header('X-Content-Type-Options', 'nosniff')
    // A variant is an image or a video, never a document: nothing in it may run.
    response.header('Content-Security-Policy', "default-src 'none'; sandbox")
    response.header('Cross-Origin-Resource-Policy', 'cross-origin')
    response.header('Accept-Ranges', 'bytes')

    // Players (iOS above all) fetch videos by byte ranges.
    const path = localPath(variant.key)
    const range = path ? parseByteRange(request.header('range'), variant.bytes) : undefined
    if (range === 'unsatisfiable') {
      response.header('Content-Range', `bytes */${variant.bytes}`)
      return response.status(416).send('')
    }
    if (range && path) {
      response.status(206)
      response.header('Content-Range', `bytes ${range.start}-${range.end}/${variant.bytes}`)
      response.header('Content-Length', range.end - range.start + 1)
      return response.stream(createReadStream(path, { start: range.start, end: range.end }))
    }
    response.header('Content-Length', variant.bytes)
    return response.stream(await mediaDisk().getStream(variant.key))
  }
}
