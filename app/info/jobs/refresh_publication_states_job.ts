import { defineJob } from '#kernel/queue/job'
import logger from '@adonisjs/core/services/logger'
import { getQueue } from '#kernel/queue/queues'

export const INFO_QUEUE = 'info'
const SCHEDULER_ID = 'info.refresh-publication-states.every-minute'

/**
 * Every minute: scheduled items become published, items past their end expired (see
 * RefreshPublicationStates). Reads filter by the dates anyway, so a late or missed run never
 * shows stale content; the job keeps states and the feed table honest for the back-office.
 */
export const refreshPublicationStatesJob = defineJob<Record<string, never>>({
  name: 'info.refresh-publication-states',
  queue: INFO_QUEUE,
  attempts: 1,
  timeoutMs: 55_000,
  async handle() {
    const { default: RefreshPublicationStates } =
      await import('#info/actions/refresh_publication_states')
    return new RefreshPublicationStates().handle()
  },
})

/**
 * Registers the repeatable run with BullMQ (a job scheduler: one per id, so every worker calling
 * this at start-up keeps a single schedule). Called when the workers load the module's jobs.
 */
export async function scheduleRefreshPublicationStates(everyMs = 60_000) {
  await getQueue(INFO_QUEUE).upsertJobScheduler(
    SCHEDULER_ID,
    { every: everyMs },
    {
      name: refreshPublicationStatesJob.name,
      data: {},
      opts: { attempts: 1, removeOnComplete: 100, removeOnFail: 100 },
    }
  )
}

let scheduled: Promise<void> | undefined

/**
 * Registers the schedule once per process; a failure (Redis away) is logged and retried on the
 * next call, never thrown at whoever was listing the jobs (the health check, the worker).
 */
export function ensureRefreshSchedule(): Promise<void> {
  scheduled ??= scheduleRefreshPublicationStates().catch((error) => {
    scheduled = undefined
    logger.warn({ queue: INFO_QUEUE }, `info schedule not registered: ${(error as Error).message}`)
  })
  return scheduled
}
