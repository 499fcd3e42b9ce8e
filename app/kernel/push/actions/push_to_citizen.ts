import QueuePush, { type PushPayload } from '#kernel/push/actions/queue_push'

/**
 * The kernel's « push to citizen » action: any module may call it (the signalement module, when
 * a report changes state) to notify one citizen on every browser they subscribed while signed in.
 */
export default class PushToCitizen {
  handle(citizenId: number, payload: PushPayload, ttlSeconds?: number) {
    return new QueuePush().handle({ citizenId }, payload, ttlSeconds)
  }
}
