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

/** Part of `api()`: every write of the API, keyed by the citizen when the token is valid. */
export const throttleApiWrites = limiter.define('api_writes', (ctx: HttpContext) => {
  if (!WRITE_METHODS.has(ctx.request.method())) return limiter.noLimit()
  return writeLimitFor(ctx)
})

async function writeLimitFor(ctx: HttpContext) {
  const citizenId = await authenticatedCitizenId(ctx)
  if (citizenId !== null) {
    const { requests, duration } = apiRateLimits.citizenWrites
    return limiter.allowRequests(requests).every(duration).usingKey(`citizen_${citizenId}`)
  }
  const { requests, duration } = apiRateLimits.anonymousWrites
  return limiter.allowRequests(requests).every(duration).usingKey(`ip_${ctx.request.ip()}`)
}

export const throttleLogin = limiter.define('login', (ctx: HttpContext) => {
  const email = String(ctx.request.input('email', '')).trim().toLowerCase()
  const { requests, duration } = apiRateLimits.login
  return limiter.allowRequests(requests).every(duration).usingKey(`${ctx.request.ip()}_${email}`)
})

export const throttleAccountEmails = limiter.define('account_emails', () => {
  const { requests, duration } = apiRateLimits.accountEmails
  return limiter.allowRequests(requests).every(duration)
})

/**
 * A bogus token must not buy a fresh bucket: only a token that verifies keys the limit to its
 * citizen. The guard remembers the outcome, so the route's own `auth` check costs nothing more.
 */
async function authenticatedCitizenId(ctx: HttpContext): Promise<number | null> {
  if (!ctx.auth || !ctx.request.header('authorization')) return null
  const guard = ctx.auth.use('api')
  return (await guard.check()) ? guard.user!.id : null
}
