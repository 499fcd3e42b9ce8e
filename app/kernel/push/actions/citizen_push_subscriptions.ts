import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export interface CitizenPushSubscriptionExport {
  /** The browser's push service address (it identifies the device's browser, so it is personal). */
  endpoint: string
  created_at: string
  updated_at: string
  /** INSEE codes of the communes whose alerts it receives. */
  communes: string[]
}

/**
 * The push subscriptions tied to a citizen's account, for the GDPR export and the erasure.
 * The keys (p256dh, auth) are the browser's encryption material, not data about the person:
 * they are not exported.
 */
export default class CitizenPushSubscriptions {
  async export(citizenId: number): Promise<CitizenPushSubscriptionExport[]> {
    const subscriptions = await db
      .from('push_subscriptions')
      .where('citizen_id', citizenId)
      .orderBy('created_at')
      .orderBy('id')
      .select('id', 'endpoint', 'created_at', 'updated_at')
    const follows = await db
      .from('push_subscription_collectivities as follows')
      .join('collectivities', 'collectivities.id', 'follows.collectivity_id')
      .whereIn(
        'follows.subscription_id',
        subscriptions.map((row) => row.id)
      )
      .orderBy('collectivities.code')
      .select('follows.subscription_id', 'collectivities.code')
    return subscriptions.map((row) => ({
      endpoint: row.endpoint,
      created_at: new Date(row.created_at).toISOString(),
      updated_at: new Date(row.updated_at).toISOString(),
      communes: follows
        .filter((follow) => follow.subscription_id === row.id)
        .map((follow) => follow.code),
    }))
  }

  /** Inside the account deletion's transaction: the followed communes go with them (cascade). */
  async erase(citizenId: number, trx: TransactionClientContract) {
    await trx.from('push_messages').where('citizen_id', citizenId).delete()
    await trx.from('push_subscriptions').where('citizen_id', citizenId).delete()
  }
}
