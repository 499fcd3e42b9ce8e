import ical from 'ical-generator'
import { DateTime } from 'luxon'
import env from '#start/env'
import { eventsQuery, type EventFilters } from '#info/actions/list_events'
import type { Audience } from '#info/support/audience'
import { plainLines } from '#info/support/rich_text'
import { parisVTimezone } from '#info/support/vtimezone'
import { EVENT_CATEGORY_LABELS, TIME_ZONE } from '#info/vocabulary'

/** A calendar holds at most this many events (the next ones); clients refresh it regularly. */
export const CALENDAR_MAX_EVENTS = 500

/**
 * RFC 5545 wants DTSTAMP in UTC; ical-generator 11 writes it in the calendar's zone without a
 * TZID when the calendar has one, which strict clients reject. Rewrite those lines.
 */
function stampsInUtc(ics: string): string {
  // Every content line, the last included, ends with CRLF (RFC 5545 §3.1).
  if (!ics.endsWith('\r\n')) ics += '\r\n'
  return ics.replace(/^DTSTAMP:(\d{8}T\d{6})\r$/gm, (_line, local: string) => {
    const utc = DateTime.fromFormat(local, "yyyyLLdd'T'HHmmss", { zone: TIME_ZONE }).toUTC()
    return `DTSTAMP:${utc.toFormat("yyyyLLdd'T'HHmmss")}Z\r`
  })
}

/**
 * Only RFC 5545 / RFC 7986 properties: ical-generator adds `X-WR-CALNAME` and
 * `X-PUBLISHED-TTL` beside the standard NAME and REFRESH-INTERVAL; `X-WR-TIMEZONE` alone is
 * kept, as clients that ignore VTIMEZONE read it. A removed property's folded lines go too.
 */
function withoutExtensions(ics: string): string {
  const kept: string[] = []
  let dropping = false
  for (const line of ics.split('\r\n')) {
    const continuation = line.startsWith(' ') || line.startsWith('\t')
    if (!continuation) dropping = /^X-/i.test(line) && !/^X-WR-TIMEZONE[:;]/i.test(line)
    if (!dropping) kept.push(line)
  }
  return kept.join('\r\n')
}

/**
 * The agenda of an authority (and the levels above it) as an iCalendar file: local times with
 * the Europe/Paris VTIMEZONE, a stable UID per event, DTSTAMP from its last change.
 */
export default class EventsCalendar {
  async handle(audience: Audience, filters: EventFilters, now: Date = new Date()): Promise<string> {
    const events = await eventsQuery(audience, filters, now)
      .orderBy('starts_at', 'asc')
      .orderBy('id', 'asc')
      .limit(CALENDAR_MAX_EVENTS)
    const host = new URL(env.get('APP_URL', 'http://localhost')).hostname
    const calendar = ical({
      name: `Agenda — ${audience.collectivity.name}`,
      prodId: { company: 'Bastide', product: 'Agenda', language: 'FR' },
      timezone: { name: TIME_ZONE, generator: () => parisVTimezone() },
      ttl: 3600,
    })
    for (const event of events) {
      const { authority } = audience.originOf(event.collectivityId)
      const start = event.startsAt.setZone(TIME_ZONE)
      const end = event.endsAt.setZone(TIME_ZONE)
      calendar.createEvent({
        id: `info-event-${event.id}@${host}`,
        start: event.allDay ? start.startOf('day') : start,
        // All-day events end on the (exclusive) next day in iCalendar.
        end: event.allDay ? end.plus({ days: 1 }).startOf('day') : end,
        allDay: event.allDay,
        timezone: TIME_ZONE,
        stamp: event.updatedAt,
        summary: event.title,
        description:
          [
            plainLines(event.description),
            event.organiser ? `Organisé par ${event.organiser}` : '',
            event.price ?? '',
            `Publié par ${authority.name}`,
          ]
            .filter(Boolean)
            .join('\n') || null,
        location: [event.placeName, event.address].filter(Boolean).join(', ') || null,
        url: event.link,
        categories: [{ name: EVENT_CATEGORY_LABELS[event.category] }],
        sequence: event.sequence,
      })
    }
    return withoutExtensions(stampsInUtc(calendar.toString()))
  }
}
