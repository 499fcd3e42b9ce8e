import { AxeBuilder } from '@axe-core/playwright'

/** WCAG 2.1 A and AA rules, as the back-office accessibility test applies them. */
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Fails with the rule and its elements when the page, as it stands, has a serious or critical violation. */
export async function assertNoSeriousViolation(page: any, assert: any, what: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
  const blocking = results.violations.filter((violation) =>
    ['serious', 'critical'].includes(violation.impact ?? '')
  )
  assert.deepEqual(
    blocking.map(
      (violation) =>
        `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
    ),
    [],
    what
  )
}

/** A `datetime-local` value in Paris time, `days` from now. */
export function parisLocal(days: number, DateTime: typeof import('luxon').DateTime) {
  return DateTime.now().setZone('Europe/Paris').plus({ days }).toFormat("yyyy-LL-dd'T'HH:mm")
}
