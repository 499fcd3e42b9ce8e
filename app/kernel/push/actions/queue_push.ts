import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import { dispatch } from '#kernel/queue/queues'
import { vapidDetails } from '#kernel/push/vapid'

/** What a notification shows; the service worker of the app displays it. */
export interface PushPayload {
  title: string
  body?: string
  /** Address the notification opens (inside /app). */
  url?: string
  /** Notifications with the same tag replace each other (a retried send never shows twice). */
  tag?: string
  [key: string]: unknown
}

export type PushAudience = { collectivityId: number } | { citizenId: number }

/**
 * Stores a message for an audience and queues its delivery (job `push.deliver`, retried).
 * The followers of an authority are the subscriptions of the communes under it: an EPCI's or a
 * département's alert reaches every commune it covers. Without VAPID keys, push is off: nothing
 * is queued and null is returned.
 */
export default class QueuePush {
  async handle(audience: PushAudience, payload: PushPayload, ttlSeconds = 86_400) {
    if (!vapidDetails()) {
      logger.warn('push: VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY not set, nothing sent')
      return null
    }
    const [row] = await db
      .table('push_messages')
      .insert({
        payload: JSON.stringify(payload),
        collectivity_id: 'collectivityId' in audience ? audience.collectivityId : null,
        citizen_id: 'citizenId' in audience ? audience.citizenId : null,
        ttl_seconds: Math.max(60, Math.round(ttlSeconds)),
        created_at: new Date(),
      })
      .returning('id')
    const messageId = Number(row.id ?? row)
    const { deliverPushJob } = await import('#kernel/push/jobs/deliver_push_job')
    await dispatch(deliverPushJob, { messageId }, { jobId: `push-${messageId}` })
    return messageId
  }
}
