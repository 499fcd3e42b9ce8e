import { dispatch } from '#kernel/queue/queues'
import type Media from '#kernel/media/models/media'
import { processImageJob, processVideoJob } from '#kernel/media/jobs/process_media_job'

/**
 * Puts a media on the `media` queue. No job id: a reprocess must run even while an earlier,
 * completed job of the same media is still kept by BullMQ.
 */
export default class EnqueueProcessing {
  async handle(media: Pick<Media, 'id' | 'kind'>) {
    await dispatch(media.kind === 'image' ? processImageJob : processVideoJob, {
      mediaId: media.id,
    })
  }
}
