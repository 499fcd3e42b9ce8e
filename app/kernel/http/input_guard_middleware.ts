import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { DomainError } from '#kernel/http/errors'

/**
 * PostgreSQL text cannot hold U+0000: a NUL byte that reached SQL was a 500 in every search,
 * title and name. Refused here, for every route (API and back-office), before any controller.
 */
export class NulCharacterError extends DomainError {
  constructor(field: string) {
    super(
      'E_INVALID_CHARACTER',
      'Le caractère nul (U+0000) n’est pas accepté',
      400,
      field || undefined
    )
  }
}

/** The dotted path of the first key or string holding a NUL byte, or undefined. */
export function findNulCharacter(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path : undefined
  if (value === null || typeof value !== 'object') return undefined
  const entries = Array.isArray(value) ? value.entries() : Object.entries(value)
  for (const [key, item] of entries) {
    const itemPath = path ? `${path}.${key}` : String(key)
    if (String(key).includes('\0')) return itemPath.replaceAll('\0', '\\0')
    const found = findNulCharacter(item, itemPath)
    if (found !== undefined) return found
  }
  return undefined
}

/** The name of the back-office stack's own input guard in `router.named` (start/kernel.ts). */
export const BACK_OFFICE_INPUT_GUARD = 'backOfficeInputGuard'

/** Throws a `NulCharacterError` naming the first field of the request that holds a NUL byte. */
function refuseNulCharacters({ request, params }: HttpContext) {
  const sources = [params, request.qs(), request.body()]
  for (const source of sources) {
    const field = findNulCharacter(source)
    if (field !== undefined) throw new NulCharacterError(field)
  }
  for (const [field, files] of Object.entries(request.allFiles())) {
    const list = Array.isArray(files) ? files : [files]
    if (list.some((file) => file.clientName?.includes('\0'))) throw new NulCharacterError(field)
  }
}

/** Whether the matched route carries the back-office stack, whose own guard runs later. */
function guardedLater(ctx: HttpContext): boolean {
  for (const entry of ctx.route?.middleware.all() ?? []) {
    if (typeof entry === 'object' && 'name' in entry && entry.name === BACK_OFFICE_INPUT_GUARD) {
      return true
    }
  }
  return false
}

/**
 * The request-level input rules (ADR 0012), run by the router on every matched route after the
 * body parser: no NUL byte in route params, the query string, the body's fields or uploaded
 * file names. A back-office route is checked by the same rule at the end of its own stack
 * instead (`BackOfficeInputGuardMiddleware`), once the session and Inertia are there: the
 * refusal then comes back to the agent's form, with the input kept and a French message next
 * to the field, rather than as the framework's bare 400 page.
 */
export default class InputGuardMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!guardedLater(ctx)) refuseNulCharacters(ctx)
    return next()
  }
}

/** The same rule, last in the back-office stack (see `backOffice()` in start/kernel.ts). */
export class BackOfficeInputGuardMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    refuseNulCharacters(ctx)
    return next()
  }
}
