import { defineJob } from '#kernel/queue/job'
import ProcessMedia from '#kernel/media/actions/process_media'

const ATTEMPTS = 3

/**
 * Two jobs on the `media` queue, one per kind, because a video may take minutes where a photo
 * takes a second: each has its own timeout. Both carry the media id only.
 */
export const processImageJob = defineJob<{ mediaId: number }>({
  name: 'media.process-image',
  queue: 'media',
  attempts: ATTEMPTS,
  backoffMs: 5_000,
  timeoutMs: 2 * 60_000,
  handle: ({ mediaId }, { signal, attempt }) =>
    new ProcessMedia().handle(mediaId, { signal, isLastAttempt: attempt >= ATTEMPTS }),
})

export const processVideoJob = defineJob<{ mediaId: number }>({
  name: 'media.process-video',
  queue: 'media',
  attempts: ATTEMPTS,
  backoffMs: 10_000,
  timeoutMs: 15 * 60_000,
  handle: ({ mediaId }, { signal, attempt }) =>
    new ProcessMedia().handle(mediaId, { signal, isLastAttempt: attempt >= ATTEMPTS }),
})

export const mediaJobs = [processImageJob, processVideoJob]
