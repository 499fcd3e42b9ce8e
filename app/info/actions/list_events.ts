import { DateTime } from 'luxon'
import Event from '#info/models/event'
import { paginateByCursor, type PageRequest } from '#kernel/http/pagination'
import { DomainError, NotFoundError } from '#kernel/http/errors'
import { whereVisible, type Audience } from '#info/support/audience'
import { readyImages } from '#info/support/images'
import { eventJson } from '#info/transformers/content'
import type { EventCategory } from '#info/vocabulary'

export interface EventFilters {
  /** Events still running at or after this instant (default: now). */
  from?: DateTime
  /** Events starting at or before this instant. */
  to?: DateTime
  category?: EventCategory
  /** One event only (its own calendar file): kept until it ends, whatever `from` says. */
  id?: number
}

/** The visible events of an audience matching the filters, soonest first (a query to finish). */
export function eventsQuery(audience: Audience, filters: EventFilters, now: Date) {
  audience.requireFeature('agenda')
  if (filters.from && filters.to && filters.to < filters.from) {
    throw new DomainError(
      'E_INVALID_RANGE',
      'La date de fin de période précède la date de début',
      422,
      'to'
    )
  }
  const query = whereVisible(Event.visibleFrom(audience), 'info_events', now)
  query.where('ends_at', '>=', (filters.from ?? DateTime.fromJSDate(now)).toJSDate())
  if (filters.to) query.where('starts_at', '<=', filters.to.toJSDate())
  if (filters.category) query.where('category', filters.category)
  if (filters.id) query.where('id', filters.id)
  return query
}

/** Upcoming (or in-range) events of an authority and the levels above it, soonest first. */
export default class ListEvents {
  async handle(
    audience: Audience,
    filters: EventFilters,
    page: PageRequest,
    now: Date = new Date()
  ) {
    const result = await paginateByCursor(eventsQuery(audience, filters, now), page, {
      listing: 'info.events',
      column: 'starts_at',
      kind: 'timestamp',
      direction: 'asc',
    })
    const images = await readyImages(result.rows.map((event) => event.imageMediaId))
    return result.toJSON((event) => eventJson(event, audience, images))
  }
}

/** One visible, not yet ended event of an audience. */
export class ShowEvent {
  async handle(audience: Audience, id: number, now: Date = new Date()) {
    const event = await eventsQuery(audience, { id }, now).first()
    if (!event) throw new NotFoundError('Événement introuvable')
    const images = await readyImages([event.imageMediaId])
    return { data: eventJson(event, audience, images) }
  }
}
