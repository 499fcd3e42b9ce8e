import { DateTime } from 'luxon'
import Media from '#kernel/media/models/media'
import EnqueueProcessing from '#kernel/media/actions/enqueue_processing'

export interface ReprocessInput {
  /** Only media whose processing failed. */
  failedOnly?: boolean
  /** Only media uploaded since then. */
  since?: DateTime
}

/**
 * Queues media for processing again (after a fix of the pipeline, or failures caused by an
 * outage). Failed ones go back to pending; a ready media keeps serving its current variants
 * until the new ones replace them.
 */
export default class ReprocessMedia {
  async handle(input: ReprocessInput = {}, onQueued?: (count: number) => void): Promise<number> {
    const query = Media.query().select('id', 'kind').orderBy('id')
    if (input.failedOnly) query.where('state', 'failed')
    if (input.since) query.where('created_at', '>=', input.since.toSQL()!)
    const enqueue = new EnqueueProcessing()
    let count = 0
    for (const media of await query) {
      await Media.query().where('id', media.id).whereNot('state', 'ready').update({
        state: 'pending',
        failureCode: null,
        failureReason: null,
        updatedAt: DateTime.now().toSQL(),
      })
      await enqueue.handle(media)
      count++
      onQueued?.(count)
    }
    return count
  }
}
