import db from '@adonisjs/lucid/services/db'

/**
 * Forgets a push subscription (the browser unsubscribed, or the push service said it is gone).
 * The endpoint is the capability: whoever holds it may remove it. Idempotent.
 */
export default class UnsubscribeFromPush {
  async handle(endpoint: string): Promise<boolean> {
    const removed = await db.from('push_subscriptions').where('endpoint', endpoint).delete()
    return Number(removed) > 0
  }
}
