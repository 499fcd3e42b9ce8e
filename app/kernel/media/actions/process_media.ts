import { createWriteStream } from 'node:fs'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Media, { type MediaVariant } from '#kernel/media/models/media'
import { MediaRejected } from '#kernel/media/errors'
import { processImage } from '#kernel/media/pipeline/image'
import { processVideo } from '#kernel/media/pipeline/video'
import type { PipelineResult } from '#kernel/media/pipeline/types'
import {
  deleteKeys,
  deleteOtherGenerations,
  generationOfKey,
  mediaDisk,
  newGeneration,
  openWorkspace,
  storeVariant,
} from '#kernel/media/storage'

export interface ProcessOptions {
  /** Aborted by the job's timeout: ffmpeg is killed and the run fails (to be retried). */
  signal?: AbortSignal
  /** On the last attempt a transient failure marks the media failed instead of pending. */
  isLastAttempt?: boolean
}

export type ProcessOutcome = 'ready' | 'failed' | 'missing' | 'superseded'

/**
 * Turns a media's private original into its public variants: pending → processing → ready,
 * or failed with a reason. Safe to run again at any time: each run writes a new generation of
 * variants, swaps it in, then deletes the older ones (and anything a killed run left).
 * Input problems fail the media at once; other errors are rethrown for the queue to retry.
 */
export default class ProcessMedia {
  async handle(mediaId: number, options: ProcessOptions = {}): Promise<ProcessOutcome> {
    const signal = options.signal ?? new AbortController().signal
    const media = await Media.find(mediaId)
    if (!media) return 'missing'
    // A ready media being reprocessed keeps serving its variants until the new ones are in.
    const wasReady = media.state === 'ready'
    media.merge({ state: wasReady ? 'ready' : 'processing', attempts: media.attempts + 1 })
    await media.save()

    const workspace = await openWorkspace(media.publicId)
    const generation = newGeneration()
    const storedKeys: string[] = []
    try {
      const originalPath = join(workspace.dir, 'original')
      await pipeline(
        await mediaDisk().getStream(media.originalKey),
        createWriteStream(originalPath)
      )
      const result =
        media.kind === 'image'
          ? await processImage(originalPath, media.mime, workspace.dir)
          : await processVideo(originalPath, workspace.dir, signal)
      signal.throwIfAborted()

      const variants: MediaVariant[] = []
      for (const file of result.files) {
        const key = await storeVariant(media, generation, file)
        storedKeys.push(key)
        variants.push({
          name: file.name,
          key,
          mime: file.mime,
          width: file.width,
          height: file.height,
          bytes: file.bytes,
        })
      }
      signal.throwIfAborted()
      if (!(await this.swapIn(media.id, generation, variants, result))) {
        await deleteKeys(storedKeys)
        return 'superseded'
      }
      await deleteOtherGenerations(media, generation)
      return 'ready'
    } catch (error) {
      await deleteKeys(storedKeys)
      if (error instanceof MediaRejected) {
        await this.markFailed(media.id, error.code, error.reason)
        return 'failed'
      }
      if (wasReady) throw error
      if (options.isLastAttempt) {
        await this.markFailed(
          media.id,
          'E_MEDIA_PROCESSING',
          'Le traitement du fichier a échoué après plusieurs essais.'
        )
      } else {
        await Media.query()
          .where('id', media.id)
          .update({ state: 'pending', updatedAt: DateTime.now().toSQL() })
      }
      throw error
    } finally {
      await workspace.remove()
    }
  }

  /**
   * Records the new variants in one transaction, unless a later run already did (two runs of
   * one media can overlap when a stalled job is taken up while the first still works).
   */
  private async swapIn(
    mediaId: number,
    generation: string,
    variants: MediaVariant[],
    result: PipelineResult
  ) {
    return db.transaction(async (trx) => {
      const current = await Media.query({ client: trx }).where('id', mediaId).forUpdate().first()
      if (!current) return false
      const currentGeneration = current.variants[0]
        ? generationOfKey(current.variants[0].key)
        : undefined
      if (currentGeneration && currentGeneration > generation) return false
      current.merge({
        state: 'ready',
        failureCode: null,
        failureReason: null,
        variants,
        placeholder: result.placeholder,
        width: result.facts.width,
        height: result.facts.height,
        durationMs: result.facts.durationMs ?? null,
        videoCodec: result.facts.videoCodec ?? null,
        audioCodec: result.facts.audioCodec ?? null,
        processedAt: DateTime.now(),
      })
      await current.save()
      return true
    })
  }

  private async markFailed(mediaId: number, code: string, reason: string) {
    await Media.query().where('id', mediaId).update({
      state: 'failed',
      failureCode: code,
      failureReason: reason,
      updatedAt: DateTime.now().toSQL(),
    })
  }
}
