import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/http/errors'

export interface PushSubscriptionInput {
  endpoint: string
  keys: { p256dh: string; auth: string }
  /** INSEE codes of the communes whose alerts this browser receives. */
  communes: string[]
  citizenId?: number | null
}

/**
 * Records (or updates) a browser's push subscription and replaces the communes it follows.
 * Anonymous, or tied to a signed-in citizen (who then also gets pushes about their reports).
 */
export default class SubscribeToPush {
  async handle(input: PushSubscriptionInput) {
    return db.transaction(async (trx) => {
      const communes = await trx
        .from('collectivities')
        .whereIn('code', input.communes)
        .where('kind', 'commune')
        .select('id', 'code')
      const missing = input.communes.filter((code) => !communes.some((row) => row.code === code))
      if (missing.length) {
        throw new DomainError(
          'E_COLLECTIVITY_NOT_FOUND',
          `Commune introuvable : ${missing.join(', ')}`,
          422,
          'communes'
        )
      }
      const now = new Date()
      const [row] = await trx
        .insertQuery()
        .table('push_subscriptions')
        .insert({
          endpoint: input.endpoint,
          p256dh: input.keys.p256dh,
          auth: input.keys.auth,
          citizen_id: input.citizenId ?? null,
          created_at: now,
          updated_at: now,
        })
        .knexQuery.onConflict('endpoint')
        .merge(['p256dh', 'auth', 'citizen_id', 'updated_at'])
        .returning('id')
      const subscriptionId = Number(row.id ?? row)
      await trx
        .from('push_subscription_collectivities')
        .where('subscription_id', subscriptionId)
        .delete()
      await trx.table('push_subscription_collectivities').multiInsert(
        communes.map((commune) => ({
          subscription_id: subscriptionId,
          collectivity_id: commune.id,
        }))
      )
      return { id: subscriptionId, communes: communes.map((commune) => commune.code).sort() }
    })
  }
}
