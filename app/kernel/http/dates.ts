/*
| Dates and times read from requests, forms and files. One reader so that every area refuses
| the same things: impossible offsets (`+99:99` silently shifted dates), years PostgreSQL
| refuses, and a wall-clock time that does not exist in the zone (the spring-forward hour).
*/
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/http/errors'

/** `2030-07-14`, or a date-time with optional seconds, fraction and offset. */
const ISO_DATE_OR_TIME =
  /^(\d{4})-\d{2}-\d{2}(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** `Z`, or `±HH:MM` within the offsets in use on Earth (−12:00 to +14:00). */
export function isValidOffset(offset: string): boolean {
  if (offset === 'Z' || offset === '') return true
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)
  if (!match || Number(match[3]) >= 60) return false
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '+' ? minutes <= 14 * 60 : minutes <= 12 * 60
}

export class InvalidDateError extends DomainError {
  constructor(value: string, field: string, reason?: string) {
    super('E_INVALID_DATE', reason ?? `Date invalide : « ${value} »`, 422, field)
  }
}

/**
 * Reads an ISO 8601 date or date-time; without an offset it is a wall-clock time of `zone`.
 * Throws a 422 E_INVALID_DATE naming `field` for a malformed value or an impossible offset,
 * and E_NONEXISTENT_LOCAL_TIME for a wall-clock time skipped by a change to summer time.
 */
export function readDateTime(value: string, zone: string, field: string): DateTime {
  const match = ISO_DATE_OR_TIME.exec(value)
  if (!match || match[1] === '0000') throw new InvalidDateError(value, field)
  const offset = match[4]
  if (offset !== undefined && !isValidOffset(offset)) {
    throw new InvalidDateError(
      value,
      field,
      `Décalage horaire impossible « ${offset} » (de -12:00 à +14:00)`
    )
  }
  const instant = DateTime.fromISO(value.replace(' ', 'T'), { zone, setZone: true })
  if (!instant.isValid) throw new InvalidDateError(value, field)
  if (offset === undefined && match[2] !== undefined) {
    // Luxon moves a skipped wall-clock time forward by an hour; the hour shown then differs.
    const wall = `${match[2]}:${match[3]}`
    if (instant.toFormat('HH:mm') !== wall) {
      throw new DomainError(
        'E_NONEXISTENT_LOCAL_TIME',
        `L’heure ${wall} n’existe pas le ${instant.setLocale('fr').toFormat('d LLLL yyyy')} ` +
          `(passage à l’heure d’été) : choisissez ${instant.toFormat('HH:mm')} ou plus tard`,
        422,
        field
      )
    }
  }
  return instant
}
