/*
| Rate limits of the citizen API. Writes are limited per citizen (valid bearer token) or per IP
| address; the account routes that send e-mail or check a password have tighter limits of
| their own. A refused request gets 429 with `Retry-After` and the JSON error format.
*/
import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'

export const apiRateLimits = {
  /** Any write (POST, PUT, PATCH, DELETE) of a signed-in citizen, per citizen. */
  citizenWrites: { requests: 60, duration: '1 minute' },
  /** Any anonymous write, per IP address. */
  anonymousWrites: { requests: 30, duration: '1 minute' },
  /** Login attempts per IP address and e-mail address. */
  login: { requests: 5, duration: '1 minute' },
  /** Registrations, password-reset and verification e-mails, per IP address. */
  accountEmails: { requests: 10, duration: '15 minutes' },
} as const

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

interface CountedLimit {
  requests: number
  duration: string
  key: string
}

/**
 * A rate-limit middleware like `limiter.define`, with one Redis round trip where the stock one
 * makes two (it reads the counter, then consumes): `consume` alone refuses once the count is
 * past the limit, with the same 429, `Retry-After` and `X-RateLimit-*` headers. In a fixed
 * window (no `blockFor`), counting the refused requests too changes nothing: the window ends
 * when it would have. The citizen API's write path pays this on every request.
 *
 * A builder may return several limits (per address and per account, say): they are consumed
 * concurrently, so a request waits for one Redis round trip rather than one per limit, and the
 * headers tell the tightest.
 */
export function defineCountedLimit(
  name: string,
  builder: (
    ctx: HttpContext
  ) => CountedLimit | CountedLimit[] | null | Promise<CountedLimit | CountedLimit[] | null>
) {
  const middleware = async (ctx: HttpContext, next: () => Promise<unknown>) => {
    const built = await builder(ctx)
    if (!built) return next()
    const limits = Array.isArray(built) ? built : [built]
    const counted = await Promise.all(
      limits.map((limit) =>
        limiter
          .use({ requests: limit.requests, duration: limit.duration })
          .consume(`${name}_${limit.key}`)
      )
    )
    const tightest = counted.reduce((a, b) => (b.remaining < a.remaining ? b : a))
    const response = await next()
    ctx.response.header('X-RateLimit-Limit', tightest.limit)
    ctx.response.header('X-RateLimit-Remaining', tightest.remaining)
    return response
  }
  Object.defineProperty(middleware, 'name', { value: `${name}Throttle` })
  return middleware
}

/** Part of `api()`: every write of the API, keyed by the citizen when the token is valid. */
export const throttleApiWrites = defineCountedLimit('api_writes', async (ctx) => {
  if (!WRITE_METHODS.has(ctx.request.method())) return null
  const citizenId = await authenticatedCitizenId(ctx)
  if (citizenId !== null) return { ...apiRateLimits.citizenWrites, key: `citizen_${citizenId}` }
  return { ...apiRateLimits.anonymousWrites, key: `ip_${ctx.request.ip()}` }
})

export const throttleLogin = defineCountedLimit('login', (ctx) => {
  const email = String(ctx.request.input('email', '')).trim().toLowerCase()
  return { ...apiRateLimits.login, key: `${ctx.request.ip()}_${email}` }
})

export const throttleAccountEmails = defineCountedLimit('account_emails', (ctx) => ({
  ...apiRateLimits.accountEmails,
  key: `ip_${ctx.request.ip()}`,
}))

/**
 * A bogus token must not buy a fresh bucket: only a token that verifies keys the limit to its
 * citizen. The guard remembers the outcome, so the route's own `auth` check costs nothing more.
 */
export async function authenticatedCitizenId(ctx: HttpContext): Promise<number | null> {
  if (!ctx.auth || !ctx.request.header('authorization')) return null
  const guard = ctx.auth.use('api')
  return (await guard.check()) ? guard.user!.id : null
}
