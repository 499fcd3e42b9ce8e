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

/**
 * The request-level input rules (ADR 0012), run by the router on every matched route after the
 * body parser: no NUL byte in route params, the query string, the body's fields or uploaded
 * file names.
 */
export default class InputGuardMiddleware {
  async handle({ request, params }: HttpContext, next: NextFn) {
    const sources = [params, request.qs(), request.body()]
    for (const source of sources) {
      const field = findNulCharacter(source)
      if (field !== undefined) throw new NulCharacterError(field)
    }
    for (const [field, files] of Object.entries(request.allFiles())) {
      const list = Array.isArray(files) ? files : [files]
      if (list.some((file) => file.clientName?.includes('\0'))) throw new NulCharacterError(field)
    }
    return next()
  }
}
