import { createHash } from 'node:crypto'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/** What a public GET of the API may be cached for, unless its route says otherwise. */
export const DEFAULT_PUBLIC_MAX_AGE = 60

/** A weak validator: the same JSON gives the same tag on every web node. */
export function weakEtag(serialized: string): string {
  const digest = createHash('sha1').update(serialized).digest('base64url').slice(0, 27)
  return `W/"${Buffer.byteLength(serialized).toString(16)}-${digest}"`
}

/**
 * Route middleware: lets a public read be cached `seconds` long (shared caches included), e.g.
 * `router.get('/collectivities', …).use(cacheFor(3600))`. Authenticated reads still get
 * `private, no-store` from the API stack.
 */
export function cacheFor(seconds: number) {
  const value = seconds > 0 ? `public, max-age=${Math.floor(seconds)}` : 'no-store'
  return async function cacheForMiddleware(ctx: HttpContext, next: NextFn) {
    await next()
    // Only successes are shareable: a 404 or 422 must not stick in caches for minutes.
    const status = ctx.response.getStatus()
    ctx.response.header('Cache-Control', status >= 200 && status < 300 ? value : 'no-store')
  }
}

/** Route middleware: a read that must never be stored (personal or fast-changing data). */
export function noStore() {
  return cacheFor(0)
}

/**
 * Applies the API's cache rules once the route has answered:
 * - writes: `no-store`;
 * - authenticated reads (a bearer token was sent): `private, no-store`, no ETag;
 * - public reads (2xx with a body): `Cache-Control` (the route's, or `public, max-age=60`),
 *   a weak ETag over the JSON body, and 304 when `If-None-Match` matches.
 */
export function applyApiCacheRules(ctx: HttpContext) {
  const { request, response } = ctx
  const method = request.method()
  if (method !== 'GET' && method !== 'HEAD') {
    if (!response.getHeader('Cache-Control')) response.header('Cache-Control', 'no-store')
    return
  }

  const status = response.getStatus()
  if (status < 200 || status >= 300) return

  if (request.header('authorization') || ctx.auth?.isAuthenticated) {
    response.header('Cache-Control', 'private, no-store')
    return
  }

  const cacheControl = String(response.getHeader('Cache-Control') ?? '')
  if (!cacheControl) response.header('Cache-Control', `public, max-age=${DEFAULT_PUBLIC_MAX_AGE}`)
  response.header('Vary', 'Authorization')
  if (cacheControl.includes('no-store') || !response.hasContent) return

  const body = response.getBody()
  if (body === null || body === undefined) return
  // Serialise once: the string that is hashed is the string that is sent.
  let serialized: string
  if (typeof body === 'string') {
    serialized = body
  } else {
    serialized = JSON.stringify(body)
    // A route that chose its own JSON media type (GeoJSON…) keeps it.
    if (!response.getHeader('Content-Type')) {
      response.header('Content-Type', 'application/json; charset=utf-8')
    }
    response.send(serialized)
  }
  response.header('ETag', weakEtag(serialized))
  if (response.fresh()) response.status(304)
}
