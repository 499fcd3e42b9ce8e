import { DateTime } from 'luxon'
import { ConflictError, DomainError } from '#kernel/http/errors'

/** Participation dates are entered and shown in the time of the Gers. */
export const TIME_ZONE = 'Europe/Paris'

export type WindowState = 'upcoming' | 'open' | 'closed'

export interface ParticipationWindow {
  opensAt: DateTime
  closesAt: DateTime
}

/** « 3 mars 2027 à 09:00 », in Paris time whatever the server's zone. */
export function parisLabel(instant: DateTime): string {
  return instant.setZone(TIME_ZONE).setLocale('fr').toFormat("d LLLL yyyy 'à' HH:mm")
}

/** Open from `opensAt` included to `closesAt` excluded. */
export function windowState(
  window: ParticipationWindow,
  now: DateTime = DateTime.now()
): WindowState {
  if (now < window.opensAt) return 'upcoming'
  return now < window.closesAt ? 'open' : 'closed'
}

/** Throws a 409 saying when it opens or since when it is closed, unless `now` is inside. */
export function assertOpen(window: ParticipationWindow, now: DateTime = DateTime.now()) {
  const state = windowState(window, now)
  if (state === 'upcoming') {
    throw new ConflictError(
      'E_NOT_OPEN_YET',
      `La participation n’est pas encore ouverte : elle ouvre le ${parisLabel(window.opensAt)} (heure de Paris).`
    )
  }
  if (state === 'closed') {
    throw new ConflictError(
      'E_CLOSED',
      `La participation est close depuis le ${parisLabel(window.closesAt)} (heure de Paris).`
    )
  }
}

/** A form's opening and closing: the close after the opening (422 on `closesAt` otherwise). */
export function assertWindowInOrder(window: ParticipationWindow) {
  if (window.closesAt <= window.opensAt) {
    throw new DomainError(
      'E_WINDOW_ORDER',
      'La clôture doit être postérieure à l’ouverture',
      422,
      'closesAt'
    )
  }
}

/** A `datetime-local` value (Paris wall clock) or an ISO date-time; 422 on `field` if invalid. */
export function parisDateTime(value: string, field: string): DateTime {
  const instant = DateTime.fromISO(value, { zone: TIME_ZONE })
  if (!instant.isValid)
    throw new DomainError('E_INVALID_DATE', `Date invalide : « ${value} »`, 422, field)
  return instant
}

/** The `datetime-local` form value of an instant, in Paris time. */
export function parisInput(instant: DateTime): string {
  return instant.setZone(TIME_ZONE).toFormat("yyyy-LL-dd'T'HH:mm")
}
