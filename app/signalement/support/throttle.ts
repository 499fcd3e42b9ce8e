import { defineCountedLimit } from '#start/limiter'

/**
 * Filing reports is tighter than other writes: a burst from one account, or from one address
 * (several accounts behind it), is refused with 429 before any routing work.
 */
export const reportSubmissionLimits = {
  perCitizen: { requests: 10, duration: '10 minutes' },
  perAddress: { requests: 30, duration: '10 minutes' },
} as const

export const throttleReportsPerAddress = defineCountedLimit('report_submissions_ip', (ctx) => ({
  ...reportSubmissionLimits.perAddress,
  key: `ip_${ctx.request.ip()}`,
}))

export const throttleReportsPerCitizen = defineCountedLimit('report_submissions', (ctx) => ({
  ...reportSubmissionLimits.perCitizen,
  key: `citizen_${ctx.auth.use('api').user?.id ?? ctx.request.ip()}`,
}))
