import db from '@adonisjs/lucid/services/db'
import type { PublicationType } from '#info/support/content_types'
import { findContentForUpdate } from '#info/actions/find_content'
import { syncFeedItem } from '#info/support/feed_sync'
import { auditContent } from '#info/support/content_audit'
import type { AuditActor } from '#kernel/accounts/actions/record_audit'

export interface UnpublishInput {
  type: PublicationType
  id: number
  ownerIds?: number[]
  /** The agent acting, for the audit log. */
  by?: AuditActor
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
      await auditContent(trx, input.by, 'unpublished', input.type, item)
      return item
    })
  }
}
