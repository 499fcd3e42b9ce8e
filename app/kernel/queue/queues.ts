import { Queue } from 'bullmq'
import app from '@adonisjs/core/services/app'
import type { JobDefinition } from '#kernel/queue/job'
import { queueConnection, queuePrefix } from '#kernel/queue/connection'

const queues = new Map<string, Queue>()

/**
 * One Queue instance per name and process, created on first use and closed when the app
 * terminates (an open Redis connection would keep the process alive).
 */
export function getQueue(name: string): Queue {
  let queue = queues.get(name)
  if (!queue) {
    if (queues.size === 0) app.terminating(closeQueues)
    queue = new Queue(name, { connection: queueConnection(), prefix: queuePrefix() })
    // A Redis outage is reported by the calls that need it; never an unhandled 'error' event.
    queue.on('error', () => {})
    queues.set(name, queue)
  }
  return queue
}

export interface DispatchOptions {
  /** Same id twice = one job (BullMQ deduplicates while the first is kept). */
  jobId?: string
  delayMs?: number
}

/**
 * Enqueues a job with its retry policy (attempts, exponential backoff). The payload carries
 * ids only.
 */
export async function dispatch<Payload extends Record<string, unknown>>(
  job: JobDefinition<Payload>,
  payload: Payload,
  options: DispatchOptions = {}
) {
  return getQueue(job.queue).add(job.name, payload, {
    jobId: options.jobId,
    delay: options.delayMs,
    attempts: job.attempts ?? 3,
    backoff: { type: 'exponential', delay: job.backoffMs ?? 2000 },
    removeOnComplete: { age: 24 * 3600, count: 1000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  })
}

/** Closes every queue this process opened (tests, shutdown). */
export async function closeQueues() {
  await Promise.all([...queues.values()].map((queue) => queue.close()))
  queues.clear()
}
