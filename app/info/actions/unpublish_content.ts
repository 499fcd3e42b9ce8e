import db from '@adonisjs/lucid/services/db'
import type { PublicationType } from '#info/support/content_types'
import { findContentForUpdate } from '#info/actions/find_content'
import { syncFeedItem } from '#info/support/feed_sync'

export interface UnpublishInput {
  type: PublicationType
  id: number
  ownerIds?: number[]
}

/** Takes an item back to draft: it leaves the API and the feed at once. */
export default class UnpublishContent {
  async handle(input: UnpublishInput) {
    return db.transaction(async (trx) => {
      const item = await findContentForUpdate(input.type, input.id, trx, input.ownerIds)
      item.status = 'draft'
      item.publishAt = null
      await item.useTransaction(trx).save()
      await syncFeedItem(item, trx)
      return item
    })
  }
}
