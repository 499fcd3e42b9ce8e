import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import webpush from 'web-push'
import { vapidDetails } from '#kernel/push/vapid'

interface Target {
  id: number
  endpoint: string
  p256dh: string
  auth: string
}

export interface DeliveryReport {
  delivered: number
  pruned: number
  /** Push services that failed for now (5xx, 429, network): the job retries them. */
  retry: number
  refused: number
}

const PARALLEL = 10
const SEND_TIMEOUT_MS = 10_000

/**
 * Sends one stored message to its audience's subscriptions not yet reached: encrypted
 * (aes128gcm, RFC 8291) and signed (VAPID, RFC 8292) by `web-push`, posted with fetch. A
 * subscription the push service no longer knows (404, 410) is pruned; one it refuses for good
 * (400, 413…) is skipped; temporary failures make the run throw, so that the job's retry sends
 * only to those still missing. Safe to run twice.
 */
export default class DeliverPushMessage {
  async handle(messageId: number): Promise<DeliveryReport> {
    const report: DeliveryReport = { delivered: 0, pruned: 0, retry: 0, refused: 0 }
    const vapid = vapidDetails()
    const message = await db.from('push_messages').where('id', messageId).first()
    if (!message || !vapid) return report
    const expiresAt = new Date(message.created_at).getTime() + message.ttl_seconds * 1000
    if (expiresAt <= Date.now()) return report

    const targets = await this.targets(message)
    const body = JSON.stringify(message.payload)
    const ttl = Math.max(0, Math.floor((expiresAt - Date.now()) / 1000))
    for (let start = 0; start < targets.length; start += PARALLEL) {
      await Promise.all(
        targets.slice(start, start + PARALLEL).map((target) =>
          this.send(target, body, ttl, vapid).then(async (outcome) => {
            report[outcome]++
            if (outcome === 'delivered' || outcome === 'refused') {
              await db
                .table('push_deliveries')
                .insert({
                  message_id: messageId,
                  subscription_id: target.id,
                  delivered_at: new Date(),
                })
                .knexQuery.onConflict(['message_id', 'subscription_id'])
                .ignore()
            } else if (outcome === 'pruned') {
              await db.from('push_subscriptions').where('id', target.id).delete()
            }
          })
        )
      )
    }
    if (report.retry > 0) {
      throw new Error(`push ${messageId}: ${report.retry} push service(s) to retry`)
    }
    return report
  }

  private targets(message: {
    id: number
    collectivity_id: number | null
    citizen_id: number | null
  }) {
    const query = db
      .from('push_subscriptions as s')
      .select('s.id', 's.endpoint', 's.p256dh', 's.auth')
      .whereNotExists((delivered) =>
        delivered
          .from('push_deliveries as d')
          .where('d.message_id', message.id)
          .whereRaw('d.subscription_id = s.id')
      )
    if (message.citizen_id)
      return query.where('s.citizen_id', message.citizen_id) as Promise<Target[]>
    const id = message.collectivity_id
    return query.whereExists((follows) =>
      follows
        .from('push_subscription_collectivities as f')
        .join('collectivities as c', 'c.id', 'f.collectivity_id')
        .whereRaw('f.subscription_id = s.id')
        .where((covered) =>
          covered.where('c.id', id!).orWhere('c.epci_id', id!).orWhere('c.departement_id', id!)
        )
    ) as Promise<Target[]>
  }

  private async send(
    target: Target,
    body: string,
    ttl: number,
    vapid: NonNullable<ReturnType<typeof vapidDetails>>
  ): Promise<keyof DeliveryReport> {
    try {
      const request = webpush.generateRequestDetails(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        body,
        { vapidDetails: vapid, TTL: ttl, contentEncoding: 'aes128gcm', urgency: 'high' }
      )
      const response = await fetch(request.endpoint, {
        method: request.method,
        headers: request.headers as Record<string, string>,
        body: request.body ?? undefined,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      })
      if (response.ok) return 'delivered'
      if (response.status === 404 || response.status === 410) return 'pruned'
      if (response.status === 429 || response.status >= 500) return 'retry'
      logger.warn({ status: response.status, subscription: target.id }, 'push refused')
      return 'refused'
    } catch (error) {
      logger.warn({ subscription: target.id }, `push failed: ${(error as Error).message}`)
      return 'retry'
    }
  }
}
