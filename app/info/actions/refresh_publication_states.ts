import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { PUBLICATION_MODELS, PUBLICATION_TYPES } from '#info/support/content_types'

export interface RefreshSummary {
  published: number
  expired: number
}

/**
 * Moves scheduled items whose time has come to `published` and published or scheduled items
 * past their end to `expired`, and drops expired items from the feed table. Run by the
 * scheduler job every minute; safe to run twice or late (reads filter by the dates anyway).
 */
export default class RefreshPublicationStates {
  async handle(now: DateTime = DateTime.now()): Promise<RefreshSummary> {
    const at = now.toJSDate()
    return db.transaction(async (trx) => {
      let published = 0
      let expired = 0
      for (const type of PUBLICATION_TYPES) {
        const table = PUBLICATION_MODELS[type].table
        expired += Number(
          await trx
            .from(table)
            .whereIn('status', ['scheduled', 'published'])
            .whereNotNull('expire_at')
            .where('expire_at', '<=', at)
            .update({ status: 'expired', updated_at: at })
        )
        published += Number(
          await trx
            .from(table)
            .where('status', 'scheduled')
            .where('publish_at', '<=', at)
            .update({ status: 'published', updated_at: at })
        )
      }
      await trx
        .from('feed_items')
        .whereIn('type', ['news', 'event'])
        .whereNotNull('expire_at')
        .where('expire_at', '<=', at)
        .delete()
      return { published, expired }
    })
  }
}
