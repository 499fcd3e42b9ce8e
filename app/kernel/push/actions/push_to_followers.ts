import QueuePush, { type PushPayload } from '#kernel/push/actions/queue_push'

/** Notifies everyone who follows an authority's communes (an alert, for instance). */
export default class PushToFollowers {
  handle(collectivityId: number, payload: PushPayload, ttlSeconds?: number) {
    return new QueuePush().handle({ collectivityId }, payload, ttlSeconds)
  }
}
