import { defineJob } from '#kernel/queue/job'

export const INFO_QUEUE = 'info'

/**
 * Every minute (a BullMQ job scheduler the workers register at start): scheduled items become
 * published, items past their end expired (see RefreshPublicationStates). Reads filter by the
 * dates anyway, so a late or missed run never shows stale content; the job keeps states and the
 * feed table honest for the back-office.
 */
export const refreshPublicationStatesJob = defineJob<Record<string, never>>({
  name: 'info.refresh-publication-states',
  queue: INFO_QUEUE,
  attempts: 1,
  timeoutMs: 55_000,
  repeat: { everyMs: 60_000 },
  async handle() {
    const { default: RefreshPublicationStates } =
      await import('#info/actions/refresh_publication_states')
    const { default: PushDueAlerts } = await import('#info/actions/push_due_alerts')
    const summary = await new RefreshPublicationStates().handle()
    // Scheduled alerts whose time has come go out to their followers now.
    const pushed = await new PushDueAlerts().handle()
    return { ...summary, pushedAlerts: pushed.length }
  },
})
