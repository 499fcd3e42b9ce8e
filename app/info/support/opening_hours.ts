import { createRequire } from 'node:module'
import type OpeningHoursParser from 'opening_hours'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/http/errors'
import { TIME_ZONE } from '#info/vocabulary'

/*
| The `opening_hours` package reads and returns JavaScript dates in the process's local time.
| Places are in France whatever the server's zone, so instants are turned into "wall clock in
| Europe/Paris" dates before asking, and the answers turned back.
*/
function toWallClock(instant: DateTime): Date {
  const paris = instant.setZone(TIME_ZONE)
  return new Date(paris.year, paris.month - 1, paris.day, paris.hour, paris.minute, paris.second)
}

function fromWallClock(date: Date): DateTime {
  return DateTime.fromObject(
    {
      year: date.getFullYear(),
      month: date.getMonth() + 1,
      day: date.getDate(),
      hour: date.getHours(),
      minute: date.getMinutes(),
      second: date.getSeconds(),
    },
    { zone: TIME_ZONE }
  )
}

type SunTimes = (date: Date, lat: number, lng: number, height?: number) => Record<string, unknown>

/*
| Sun times (`sunrise-sunset`) come from SunCalc, which answers real instants: the package then
| reads their hours in the process's zone, so on a UTC server the Gers' sunrise came an hour
| early in winter and two in summer. The package's own SunCalc (its CommonJS build and the
| `suncalc` it requires, loaded here) is handed the real instant behind our wall-clock date and
| answers in wall clock too, whatever the server's zone.
*/
const requireFromParser = createRequire(createRequire(import.meta.url).resolve('opening_hours'))
const OpeningHours = requireFromParser('opening_hours') as typeof OpeningHoursParser
const sunCalc = requireFromParser('suncalc') as { getTimes: SunTimes; wallClock?: true }
if (!sunCalc.wallClock) {
  const realTimes = sunCalc.getTimes
  sunCalc.getTimes = (wallClock, lat, lng, height) => {
    const times = realTimes(fromWallClock(wallClock).toJSDate(), lat, lng, height)
    for (const [name, time] of Object.entries(times)) {
      if (time instanceof Date && !Number.isNaN(time.getTime())) {
        times[name] = toWallClock(DateTime.fromJSDate(time))
      }
    }
    return times
  }
  sunCalc.wallClock = true
}

/** Where a place is; without a position, the middle of the Gers (the demo's département). */
export interface PlacePosition {
  lat: number | null
  lng: number | null
}

const GERS = { lat: 43.6465, lng: 0.5855 }

function parse(value: string, position?: PlacePosition): OpeningHoursParser {
  // Without a nominatim-like location the package assumes Baden-Württemberg: German public
  // holidays (`PH off` closed on 26 December, open on 14 July) and German sun times. It reads
  // the position only as strings: numbers left sunrise and sunset at a fixed 06:00 and 18:00.
  const lat = position?.lat ?? GERS.lat
  const lon = position?.lng ?? GERS.lng
  const location = { lat: String(lat), lon: String(lon), address: { country_code: 'fr' } }
  // Mode 0: time ranges only (no points in time).
  // `locale: 'fr'`: the parser's own warnings and errors come in French.
  return new OpeningHours(value, location as never, { mode: 0, locale: 'fr' } as never)
}

/** The example every opening-hours error ends with, with its meaning in words. */
export const OPENING_HOURS_EXAMPLE =
  'Exemple : « Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off » ' +
  '(lundi au vendredi 9 h–12 h et 14 h–18 h, samedi 9 h–12 h, fermé les jours fériés).'

/**
 * Checks an `opening_hours` value and returns it in the canonical syntax (the parser tolerates
 * "Lu-Ve 8h-18h" and writes "Mo-Fr 08:00-18:00"); throws a 422 carrying the parser's own message
 * when it cannot read it.
 */
export function assertOpeningHours(value: string, field = 'openingHours'): string {
  const trimmed = value.trim()
  try {
    return parse(trimmed).prettifyValue()
  } catch (error) {
    const message = String(error instanceof Error ? error.message : error).trim()
    throw new DomainError(
      'E_INVALID_OPENING_HOURS',
      `Horaires d’ouverture invalides : ${message} ${OPENING_HOURS_EXAMPLE}`,
      422,
      field
    )
  }
}

export interface Opening {
  opensAt: string
  closesAt: string | null
}

export interface OpeningState {
  isOpenNow: boolean
  /** The next periods the place is open, starting with the current one (Europe/Paris, ISO). */
  nextOpenings: Opening[]
}

/** Whether a place is open at `at` and its next openings over the coming two weeks. */
export function evaluateOpeningHours(
  value: string,
  at: DateTime = DateTime.now(),
  count = 5,
  position?: PlacePosition
): OpeningState {
  const iso = (date: DateTime) =>
    date.setZone(TIME_ZONE).startOf('second').toISO({ suppressMilliseconds: true })!
  const iterator = parse(value, position).getIterator(toWallClock(at))
  const until = toWallClock(at.plus({ days: 14 }))
  const isOpenNow = iterator.getState()
  const nextOpenings: Opening[] = isOpenNow ? [{ opensAt: iso(at), closesAt: null }] : []
  // Each advance lands on the next change of state: an opening or a closing.
  while (iterator.advance(until)) {
    const changedAt = iso(fromWallClock(iterator.getDate()))
    const current = nextOpenings.at(-1)
    if (iterator.getState()) {
      if (nextOpenings.length === count) break
      if (!current || current.closesAt !== null)
        nextOpenings.push({ opensAt: changedAt, closesAt: null })
    } else if (current && current.closesAt === null) {
      current.closesAt = changedAt
    }
  }
  return { isOpenNow, nextOpenings }
}

export function isOpenAt(
  value: string,
  at: DateTime = DateTime.now(),
  position?: PlacePosition
): boolean {
  return parse(value, position).getState(toWallClock(at))
}
