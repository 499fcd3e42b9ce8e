import { DomainError } from '#kernel/http/errors'

/** Maximum lengths of text fields, by field name: one table read by a form's Vine validator and
 * by the action that imports the same records, so a file row meets the form's limits. */
export type TextLimits = Record<string, number>

export class TooLongError extends DomainError {
  constructor(field: string, max: number) {
    super('E_TOO_LONG', `Au plus ${max} caractères`, 422, field)
  }
}

/** Throws a 422 E_TOO_LONG on the first field of `values` longer (trimmed) than its limit. */
export function assertTextLimits(values: object, limits: TextLimits) {
  for (const [field, max] of Object.entries(limits)) {
    const value = (values as Record<string, unknown>)[field]
    const texts = Array.isArray(value) ? value : [value]
    for (const text of texts) {
      if (typeof text === 'string' && text.trim().length > max) throw new TooLongError(field, max)
    }
  }
}
