import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { PublicationType } from '#info/support/content_types'
import { findContentForUpdate } from '#info/actions/find_content'
import { syncFeedItem } from '#info/support/feed_sync'
import { auditContent } from '#info/support/content_audit'
import type { AuditActor } from '#kernel/accounts/actions/record_audit'
import { DomainError } from '#kernel/http/errors'
import { requireAlertExpiry } from '#info/support/alert_expiry'

export interface ScheduleInput {
  type: PublicationType
  id: number
  publishAt: DateTime
  expireAt?: DateTime | null
  ownerIds?: number[]
  /** The agent acting, for the audit log. */
  by?: AuditActor
}

/**
 * Schedules an item: it shows from `publishAt` (and until `expireAt`) without anyone acting; the
 * scheduler job only relabels the state.
 */
export default class ScheduleContent {
  async handle(input: ScheduleInput, now: DateTime = DateTime.now()) {
    if (input.publishAt <= now) {
      throw new DomainError(
        'E_PUBLISH_IN_PAST',
        'La date de publication programmée doit être dans le futur',
        422,
        'publishAt'
      )
    }
    if (input.expireAt && input.expireAt <= input.publishAt) {
      throw new DomainError(
        'E_EXPIRE_BEFORE_PUBLISH',
        'La date de fin de publication doit suivre la date de publication',
        422,
        'expireAt'
      )
    }
    return db.transaction(async (trx) => {
      const item = await findContentForUpdate(input.type, input.id, trx, input.ownerIds)
      item.status = 'scheduled'
      item.publishAt = input.publishAt
      item.expireAt = input.expireAt ?? null
      if (input.type === 'alert') requireAlertExpiry(item.expireAt)
      await item.useTransaction(trx).save()
      await syncFeedItem(item, trx)
      await auditContent(trx, input.by, 'scheduled', input.type, item)
      return item
    })
  }
}
