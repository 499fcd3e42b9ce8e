import { auditContent } from '#info/support/content_audit'
import type { AuditActor } from '#kernel/accounts/actions/record_audit'
import { type DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { assertOwnImage } from '#info/support/own_image'
import Event from '#info/models/event'
import { findContentForUpdate } from '#info/actions/find_content'
import { sanitizeRichText } from '#info/support/rich_text'
import { syncFeedItem } from '#info/support/feed_sync'
import { DomainError } from '#kernel/http/errors'
import { assertInFrance } from '#kernel/territories/france_bounds'
import { TIME_ZONE, type EventCategory } from '#info/vocabulary'

export interface EventInput {
  title: string
  description?: string | null
  startsAt: DateTime
  endsAt: DateTime
  allDay?: boolean
  placeName?: string | null
  address?: string | null
  lat?: number | null
  lng?: number | null
  category?: EventCategory
  organiser?: string | null
  price?: string | null
  link?: string | null
  imageMediaId?: number | null
}

/**
 * Creates (draft) or changes an event. Times are instants; an all-day event spans whole days in
 * Europe/Paris. An event may not end before it starts.
 */
export default class SaveEvent {
  async handle(collectivityId: number, input: EventInput, id?: number, by?: AuditActor) {
    let startsAt = input.startsAt
    let endsAt = input.endsAt
    if (input.allDay) {
      startsAt = startsAt.setZone(TIME_ZONE).startOf('day')
      endsAt = endsAt.setZone(TIME_ZONE).endOf('day').startOf('second')
    }
    if (endsAt < startsAt) {
      throw new DomainError(
        'E_EVENT_ENDS_BEFORE_START',
        'L’événement ne peut pas se terminer avant de commencer',
        422,
        'endsAt'
      )
    }
    if (
      (input.lat ?? null) === null ? (input.lng ?? null) !== null : (input.lng ?? null) === null
    ) {
      throw new DomainError(
        'E_INCOMPLETE_POSITION',
        'La position demande une latitude et une longitude',
        422,
        'lat'
      )
    }
    if (input.lat !== null && input.lat !== undefined) assertInFrance(input.lat, input.lng!)
    return db.transaction(async (trx) => {
      await assertOwnImage(collectivityId, input.imageMediaId, trx)
      const event = id
        ? ((await findContentForUpdate('event', id, trx, [collectivityId])) as Event)
        : new Event().merge({ collectivityId, status: 'draft' })
      const allDay = input.allDay ?? false
      // Instants compared, not zones: the stored one reads back in UTC.
      const timeChanged =
        event.$isPersisted &&
        (event.startsAt.toMillis() !== startsAt.toMillis() ||
          event.endsAt.toMillis() !== endsAt.toMillis() ||
          event.allDay !== allDay)
      if (timeChanged) event.sequence = (event.sequence ?? 0) + 1
      event.merge({
        title: input.title.trim(),
        description: sanitizeRichText(input.description),
        startsAt,
        endsAt,
        allDay,
        placeName: input.placeName?.trim() || null,
        address: input.address?.trim() || null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        category: input.category ?? 'other',
        organiser: input.organiser?.trim() || null,
        price: input.price?.trim() || null,
        link: input.link?.trim() || null,
        imageMediaId:
          input.imageMediaId === undefined ? (event.imageMediaId ?? null) : input.imageMediaId,
      })
      await event.useTransaction(trx).save()
      await syncFeedItem(event, trx)
      await auditContent(trx, by, id ? 'updated' : 'created', 'event', event)
      return event
    })
  }
}
