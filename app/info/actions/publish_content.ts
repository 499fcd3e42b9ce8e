import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { PublicationType } from '#info/support/content_types'
import { findContentForUpdate } from '#info/actions/find_content'
import { syncFeedItem } from '#info/support/feed_sync'
import { auditContent } from '#info/support/content_audit'
import type { AuditActor } from '#kernel/accounts/actions/record_audit'
import { DomainError } from '#kernel/http/errors'
import PushDueAlerts from '#info/actions/push_due_alerts'
import { requireAlertExpiry } from '#info/support/alert_expiry'

export interface PublishInput {
  type: PublicationType
  id: number
  /** Optional end of publication; must be in the future. */
  expireAt?: DateTime | null
  /** Authorities the caller may change (an agent's current one); omitted for the CLI and jobs. */
  ownerIds?: number[]
  /** The agent acting, for the audit log. */
  by?: AuditActor
}

/** Publishes an item now (and, with `expireAt`, until then). */
export default class PublishContent {
  async handle(input: PublishInput, now: DateTime = DateTime.now()) {
    if (input.expireAt && input.expireAt <= now) {
      throw new DomainError(
        'E_EXPIRE_IN_PAST',
        'La date de fin de publication doit être dans le futur',
        422,
        'expireAt'
      )
    }
    const published = await db.transaction(async (trx) => {
      const item = await findContentForUpdate(input.type, input.id, trx, input.ownerIds)
      item.status = 'published'
      item.publishAt = now
      if (input.expireAt !== undefined) item.expireAt = input.expireAt
      if (item.expireAt && item.expireAt <= now) item.expireAt = null
      if (input.type === 'alert') requireAlertExpiry(item.expireAt)
      await item.useTransaction(trx).save()
      await syncFeedItem(item, trx)
      await auditContent(trx, input.by, 'published', input.type, item)
      return item
    })
    // After the commit: the push job must see the published alert.
    if (input.type === 'alert') await new PushDueAlerts().handle(now.toJSDate())
    return published
  }
}
