import db from '@adonisjs/lucid/services/db'
import type { PublicationType } from '#info/support/content_types'
import { findContentForUpdate } from '#info/actions/find_content'
import { auditContent } from '#info/support/content_audit'
import type { AuditActor } from '#kernel/accounts/actions/record_audit'
import FeedItem from '#info/models/feed_item'

export interface DeleteContentInput {
  type: PublicationType
  id: number
  ownerIds?: number[]
  by?: AuditActor
}

/**
 * Deletes an item for good (a canteen takes its menus with it): its feed row goes in the same
 * transaction, and the audit log keeps its title. Its image stays in the media library.
 */
export default class DeleteContent {
  async handle(input: DeleteContentInput) {
    return db.transaction(async (trx) => {
      const item = await findContentForUpdate(input.type, input.id, trx, input.ownerIds)
      if (input.type === 'news' || input.type === 'event') {
        await FeedItem.query({ client: trx }).where({ type: input.type, itemId: item.id }).delete()
      }
      await auditContent(trx, input.by, 'deleted', input.type, item)
      await item.useTransaction(trx).delete()
    })
  }
}
