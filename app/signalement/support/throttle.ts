import { authenticatedCitizenId, defineCountedLimit } from '#start/limiter'

/**
 * Filing reports is tighter than other writes: a burst from one account, or from one address
 * (several accounts behind it), is refused with 429 before any routing work. Both limits are
 * counted concurrently, before the route's `auth`: the token is checked first
 * (the guard remembers it for `auth`), so that a request with a bad token still spends its
 * address's allowance and a burst of them meets the 429 too.
 */
export const reportSubmissionLimits = {
  perCitizen: { requests: 10, duration: '10 minutes' },
  perAddress: { requests: 30, duration: '10 minutes' },
} as const

export const throttleReportSubmissions = defineCountedLimit('report_submissions', async (ctx) => {
  const perAddress = { ...reportSubmissionLimits.perAddress, key: `ip_${ctx.request.ip()}` }
  const citizenId = await authenticatedCitizenId(ctx)
  if (citizenId === null) return perAddress
  return [perAddress, { ...reportSubmissionLimits.perCitizen, key: `citizen_${citizenId}` }]
})
