import type { HttpContext } from '@adonisjs/core/http'
import { DomainError } from '#kernel/http/errors'

/** One entry of the API error format: `{ "errors": [{ code, message, field?, rule? }] }`. */
export interface ApiErrorEntry {
  code: string
  message: string
  field?: string
  rule?: string
}

export interface RenderedApiError {
  status: number
  errors: ApiErrorEntry[]
  headers: Record<string, string | number>
}

/** Paths answered with the JSON error format rather than the back-office's pages. */
const API_PREFIXES = ['/api/', '/open311/']

const errorHeaders = new WeakMap<HttpContext, Record<string, string | number>>()

/**
 * The headers of a rendered error, kept so that the API stack sets them again last: a route's
 * own limiter (login) refuses inside the group's writes limiter, which would otherwise write
 * its own X-RateLimit-* over the refusing one's on the way out.
 */
export function rememberErrorHeaders(ctx: HttpContext, headers: Record<string, string | number>) {
  errorHeaders.set(ctx, headers)
}

export function restoreErrorHeaders(ctx: HttpContext) {
  for (const [name, value] of Object.entries(errorHeaders.get(ctx) ?? {})) {
    ctx.response.header(name, value)
  }
}

export function isApiRequest(ctx: HttpContext): boolean {
  const url = ctx.request.url()
  return (
    API_PREFIXES.some((prefix) => url.startsWith(prefix)) || url === '/api' || url === '/open311'
  )
}

/** French messages for the framework's own refusals, by their code. */
const KNOWN_FAILURES: Record<string, { status: number; message: string; code?: string }> = {
  E_ROW_NOT_FOUND: { status: 404, message: 'Ressource introuvable' },
  E_ROUTE_NOT_FOUND: { status: 404, message: 'Adresse introuvable' },
  E_UNAUTHORIZED_ACCESS: {
    status: 401,
    message: 'Authentification requise : jeton absent, invalide ou expiré',
  },
  E_INVALID_CREDENTIALS: { status: 401, message: 'Adresse e-mail ou mot de passe incorrect' },
  E_AUTHORIZATION_FAILURE: { status: 403, message: 'Action non autorisée', code: 'E_FORBIDDEN' },
  E_REQUEST_ENTITY_TOO_LARGE: {
    status: 413,
    message: 'Le corps de la requête dépasse la taille autorisée',
  },
  E_REQUEST_ABORTED: { status: 400, message: 'Requête interrompue' },
}

interface FrameworkError {
  code?: string
  status?: number
  message?: string
  messages?: unknown
  getDefaultHeaders?: () => Record<string, string | number>
  response?: { availableIn?: number }
}

/**
 * Turns anything thrown while serving an API request into the stable JSON error format. A 500
 * only for what nothing here recognises; its message shows the cause only outside production.
 */
export function renderApiError(
  error: unknown,
  options: { exposeInternals: boolean; allowedMethods?: () => string[] }
): RenderedApiError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as FrameworkError

  if (failure.code === 'E_VALIDATION_ERROR' && Array.isArray(failure.messages)) {
    return { status: 422, errors: validationEntries(failure.messages), headers: {} }
  }

  if (error instanceof DomainError) {
    const entry: ApiErrorEntry = { code: error.code ?? 'E_DOMAIN', message: error.message }
    if (error.field) entry.field = error.field
    return { status: error.status, errors: [entry], headers: {} }
  }

  if (failure.code === 'E_TOO_MANY_REQUESTS') {
    const headers = failure.getDefaultHeaders?.() ?? {}
    const retryAfter = Number(headers['Retry-After'] ?? failure.response?.availableIn ?? 60)
    // The refusing limiter's own figures, the reset in seconds like Retry-After (the package
    // writes a date there, which clients of the X-RateLimit-* convention do not expect).
    headers['X-RateLimit-Reset'] = retryAfter
    return {
      status: 429,
      errors: [
        {
          code: 'E_TOO_MANY_REQUESTS',
          message: `Trop de requêtes : réessayez dans ${retryAfter} seconde${retryAfter > 1 ? 's' : ''}`,
        },
      ],
      headers: { ...headers, 'Retry-After': retryAfter },
    }
  }

  // The body parser throws a bare SyntaxError (status 400) for malformed JSON, and a 422 for a
  // JSON body that is neither an object nor an array.
  if (
    error instanceof SyntaxError ||
    failure.message === 'Invalid JSON, only supports object and array'
  ) {
    return {
      status: 400,
      errors: [
        {
          code: 'E_INVALID_JSON',
          message: 'Le corps de la requête n’est pas un JSON valide (objet attendu)',
        },
      ],
      headers: {},
    }
  }

  if (failure.code === 'E_ROUTE_NOT_FOUND') {
    const allowed = options.allowedMethods?.() ?? []
    if (allowed.length) {
      return {
        status: 405,
        errors: [
          {
            code: 'E_METHOD_NOT_ALLOWED',
            message: `Méthode non acceptée à cette adresse (acceptées : ${allowed.join(', ')})`,
          },
        ],
        headers: { Allow: allowed.join(', ') },
      }
    }
  }

  const known = failure.code ? KNOWN_FAILURES[failure.code] : undefined
  if (known) {
    return {
      status: known.status,
      errors: [{ code: known.code ?? failure.code!, message: known.message }],
      // RFC 6750 §3: a refused bearer-token request names the scheme to use.
      headers: known.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="bastide"' } : {},
    }
  }

  if (typeof failure.status === 'number' && failure.status >= 400 && failure.status < 500) {
    return {
      status: failure.status,
      errors: [
        {
          code: failure.code ?? `E_HTTP_${failure.status}`,
          message: failure.message ?? 'Requête refusée',
        },
      ],
      headers: {},
    }
  }

  const message =
    options.exposeInternals && failure.message
      ? `Erreur interne du serveur : ${failure.message}`
      : 'Erreur interne du serveur'
  return { status: 500, errors: [{ code: 'E_INTERNAL_SERVER_ERROR', message }], headers: {} }
}

function validationEntries(messages: unknown[]): ApiErrorEntry[] {
  const seen = new Set<string>()
  const entries: ApiErrorEntry[] = []
  for (const raw of messages as { field?: string; message?: string; rule?: string }[]) {
    const field = raw.field ?? ''
    if (seen.has(field)) continue
    seen.add(field)
    const entry: ApiErrorEntry = {
      code: 'E_VALIDATION_ERROR',
      message: raw.message ?? 'Valeur invalide',
    }
    if (field) entry.field = field
    if (raw.rule) entry.rule = raw.rule
    entries.push(entry)
  }
  return entries
}
