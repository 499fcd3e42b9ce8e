import { randomUUID } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import Media, { type UploaderType } from '#kernel/media/models/media'
import { detectMediaType } from '#kernel/media/detect'
import { mediaLimits } from '#kernel/media/config'
import { uploadErrors } from '#kernel/media/errors'
import { mediaDisk } from '#kernel/media/storage'
import EnqueueProcessing from '#kernel/media/actions/enqueue_processing'

export interface UploadInput {
  /** The authority the media belongs to. */
  collectivityId: number
  uploader: { type: UploaderType; id: number } | null
  /**
   * A local file: the multipart temp file of a request, or any file for commands and tests.
   * Its name means nothing to us: the type comes from the bytes, the storage key from a uuid.
   */
  path: string
}

/**
 * Accepts a photo or a video: checks its real type and size, stores the original (private)
 * through Drive under a key of our own, records it `pending` and queues its processing.
 */
export default class AcceptUpload {
  async handle(input: UploadInput): Promise<Media> {
    const { size } = await stat(input.path)
    if (size === 0) throw uploadErrors.empty()
    const type = await detectMediaType(input.path)
    if (!type) throw uploadErrors.unsupported()
    const limits = mediaLimits()
    const maxBytes = type.kind === 'image' ? limits.imageMaxBytes : limits.videoMaxBytes
    if (size > maxBytes)
      throw uploadErrors.tooLarge(Number((maxBytes / (1024 * 1024)).toPrecision(3)))

    const publicId = randomUUID()
    const originalKey = `media/${publicId}/original`
    await mediaDisk().putStream(originalKey, createReadStream(input.path), {
      contentType: type.mime,
      contentLength: size,
    })

    let media: Media
    try {
      media = await Media.create({
        publicId,
        collectivityId: input.collectivityId,
        uploaderType: input.uploader?.type ?? null,
        uploaderId: input.uploader?.id ?? null,
        kind: type.kind,
        state: 'pending',
        mime: type.mime,
        bytes: size,
        originalKey,
        variants: [],
        placeholder: null,
        attempts: 0,
      })
    } catch (error) {
      await mediaDisk()
        .delete(originalKey)
        .catch(() => {})
      throw error
    }
    // If Redis is down the media stays pending: `media:reprocess` queues it again.
    await new EnqueueProcessing().handle(media)
    return media
  }
}
