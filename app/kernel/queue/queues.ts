import { Queue } from 'bullmq'
import app from '@adonisjs/core/services/app'
import type { JobDefinition } from '#kernel/queue/job'
import { queueConnection, queuePrefix } from '#kernel/queue/connection'
import { ServiceUnavailableError } from '#kernel/http/outages'

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
  /** How long to wait for Redis (default DISPATCH_TIMEOUT_MS). */
  timeoutMs?: number
}

/** How long `dispatch` waits for Redis before giving up (BullMQ itself would wait forever). */
export const DISPATCH_TIMEOUT_MS = 1500

/**
 * Enqueues a job with its retry policy (attempts, exponential backoff). The payload carries
 * ids only. When Redis does not answer in time, it throws the outage's 503 E_SERVICE_UNAVAILABLE (with Retry-After, as the rate limiter's) instead of
 * hanging the request; the job may still be enqueued once Redis is back, which jobs tolerate
 * (they are safe to run twice; pass a `jobId` to deduplicate a retried dispatch).
 */
export async function dispatch<Payload extends Record<string, unknown>>(
  job: JobDefinition<Payload>,
  payload: Payload,
  options: DispatchOptions = {}
) {
  const adding = getQueue(job.queue).add(job.name, payload, {
    jobId: options.jobId,
    delay: options.delayMs,
    attempts: job.attempts ?? 3,
    backoff: { type: 'exponential', delay: job.backoffMs ?? 2000 },
    removeOnComplete: { age: 24 * 3600, count: 1000 },
    removeOnFail: { age: 30 * 24 * 3600 },
  })
  // The losing side of the race must not become an unhandled rejection later.
  adding.catch(() => {})
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ServiceUnavailableError(
            'Les traitements en arrière-plan sont momentanément indisponibles : réessayez dans un instant'
          )
        ),
      options.timeoutMs ?? DISPATCH_TIMEOUT_MS
    )
  })
  try {
    return await Promise.race([adding, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Closes every queue this process opened (tests, shutdown). */
export async function closeQueues() {
  await Promise.all([...queues.values()].map((queue) => queue.close()))
  queues.clear()
}
