import { randomUUID } from 'node:crypto'
import type { Job, Queue } from 'bullmq'
import { defineJob, type JobContext, type JobDefinition } from '#kernel/queue/job'
import { registerKernelJobs } from '#kernel/queue/registry'

/** A queue name of its own for each test, so that no test sees another's jobs. */
export function uniqueQueueName(label: string) {
  return `test-${label}-${randomUUID().slice(0, 8)}`
}

/**
 * Registers a job the way the media kernel does (`registerKernelJobs`), on a queue of the
 * test's own. Each test registers under a new name: the registry refuses duplicates.
 */
export function registerTestJob<Payload extends Record<string, unknown>>(
  definition: Omit<JobDefinition<Payload>, 'name'> & { name?: string },
  handle?: (payload: Payload, context: JobContext) => Promise<unknown>
) {
  const job = defineJob<Payload>({
    ...definition,
    name: definition.name ?? `${definition.queue}-job`,
    handle: handle ?? definition.handle,
  })
  registerKernelJobs(async () => [job])
  return job
}

/** Polls until the job reaches one of the states (BullMQ offers events, polling keeps it plain). */
export async function waitForState(queue: Queue, job: Job, states: string[], timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const state = await queue.getJobState(job.id!)
    if (states.includes(state)) return state
    if (Date.now() > deadline) throw new Error(`job ${job.id} still ${state} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
