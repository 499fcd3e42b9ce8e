import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import drive from '@adonisjs/drive/services/main'
import type Media from '#kernel/media/models/media'
import type { ProducedFile } from '#kernel/media/pipeline/types'

/** The disk media live on (DRIVE_DISK: local `fs` under storage/, or `s3`). */
export function mediaDisk() {
  return drive.use()
}

/**
 * A processing run writes its variants under `media/<publicId>/<generation>/`. Generations
 * sort by time (fixed-width base-36 milliseconds), so that of two runs of the same media the
 * later one always wins and cleans up after the earlier, even after a crash.
 */
export function newGeneration(): string {
  return Date.now().toString(36).padStart(9, '0') + randomBytes(3).toString('hex')
}

export function generationOfKey(key: string): string | undefined {
  return key.split('/').at(-2)
}

export async function storeVariant(
  media: Media,
  generation: string,
  file: ProducedFile
): Promise<string> {
  const key = `${media.storagePrefix}/${generation}/${file.name}`
  await mediaDisk().putStream(key, createReadStream(file.path), {
    contentType: file.mime,
    contentLength: file.bytes,
  })
  return key
}

/** Best effort: a failure here leaves a file that the next successful run removes. */
export async function deleteKeys(keys: string[]) {
  await Promise.allSettled(keys.map((key) => mediaDisk().delete(key)))
}

/**
 * Removes every generation folder of the media except `keep` (and never the original): old
 * variants after a rerun, and whatever a killed run left behind.
 */
export async function deleteOtherGenerations(media: Media, keep: string) {
  const { objects } = await mediaDisk().listAll(media.storagePrefix)
  for (const object of objects) {
    if (object.isDirectory && object.name !== keep) {
      await mediaDisk().deleteAll(object.prefix)
    }
  }
}

/** Local scratch space of the media jobs, outside the storage root. */
export function workRoot(): string {
  return join(tmpdir(), 'bastide-media')
}

/**
 * A fresh work folder for one run. Whatever an earlier, killed run of the same media left in
 * its folder is removed first: a SIGKILL runs no `finally`.
 */
export async function openWorkspace(publicId: string) {
  const mediaDir = join(workRoot(), publicId)
  await rm(mediaDir, { recursive: true, force: true })
  const dir = join(mediaDir, randomBytes(6).toString('hex'))
  await mkdir(dir, { recursive: true })
  return { dir, remove: () => rm(mediaDir, { recursive: true, force: true }) }
}
