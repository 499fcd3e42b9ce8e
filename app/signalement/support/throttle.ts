import type { HttpContext } from '@adonisjs/core/http'
import limiter from '@adonisjs/limiter/services/main'

/**
 * Filing reports is tighter than other writes: a burst from one account, or from one address
 * (several accounts behind it), is refused with 429 before any routing work.
 */
export const reportSubmissionLimits = {
  perCitizen: { requests: 10, duration: '10 minutes' },
  perAddress: { requests: 30, duration: '10 minutes' },
} as const

export const throttleReportsPerAddress = limiter.define(
  'report_submissions_ip',
  (ctx: HttpContext) => {
    const { requests, duration } = reportSubmissionLimits.perAddress
    return limiter.allowRequests(requests).every(duration).usingKey(`ip_${ctx.request.ip()}`)
  }
)

export const throttleReportsPerCitizen = limiter.define(
  'report_submissions',
  (ctx: HttpContext) => {
    const citizen = ctx.auth.use('api').user
    const { requests, duration } = reportSubmissionLimits.perCitizen
    return limiter
      .allowRequests(requests)
      .every(duration)
      .usingKey(`citizen_${citizen?.id ?? ctx.request.ip()}`)
  }
)
