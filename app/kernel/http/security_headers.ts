import type { HttpContext } from '@adonisjs/core/http'
import router from '@adonisjs/core/services/router'

/**
 * Headers every API answer carries, errors included: the body is JSON whatever a browser may
 * sniff, and no URL (tokens in links, search terms) leaks to another site.
 */
export const API_SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
} as const

export function applyApiSecurityHeaders(ctx: HttpContext) {
  for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) {
    ctx.response.header(name, value)
  }
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']

/**
 * The methods a known path answers to, for a 405 with `Allow` instead of a 404 when only the
 * method is wrong (HTTP semantics, RFC 9110 §15.5.6). Empty for an unknown path.
 */
export function allowedMethods(ctx: HttpContext): string[] {
  const url = ctx.request.url()
  const hostname = ctx.request.hostname()
  return METHODS.filter((method) => router.match(url, method, false, hostname) !== null)
}
