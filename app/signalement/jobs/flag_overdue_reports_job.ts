import { defineJob } from '#kernel/queue/job'

export const SIGNALEMENT_QUEUE = 'signalement'

/** Every 10 minutes, with no request needed: open reports past their handler's delay are flagged overdue. */
export const flagOverdueReportsJob = defineJob<Record<string, never>>({
  name: 'signalement.flag-overdue-reports',
  queue: SIGNALEMENT_QUEUE,
  attempts: 1,
  timeoutMs: 60_000,
  repeat: { everyMs: 10 * 60_000 },
  async handle() {
    const { default: FlagOverdueReports } =
      await import('#signalement/actions/flag_overdue_reports')
    return new FlagOverdueReports().handle()
  },
})
