/** The axe-core check of every back-office page (tests/helpers/browser.ts). */
export { assertNoSeriousViolation } from '#tests/helpers/browser'

/** A `datetime-local` value in Paris time, `days` from now. */
export function parisLocal(days: number, DateTime: typeof import('luxon').DateTime) {
  return DateTime.now().setZone('Europe/Paris').plus({ days }).toFormat("yyyy-LL-dd'T'HH:mm")
}
