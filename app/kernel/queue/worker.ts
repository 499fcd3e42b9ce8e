import { UnrecoverableError, Worker, type Job } from 'bullmq'
import logger from '@adonisjs/core/services/logger'
import type { JobDefinition } from '#kernel/queue/job'
import { allJobs } from '#kernel/queue/registry'
import { queueConnection, queuePrefix } from '#kernel/queue/connection'
import { getQueue } from '#kernel/queue/queues'

export interface WorkerOptions {
  queues: string[]
  concurrency?: number
  /** How long a job's lock lives without renewal: a killed worker's job is taken up after it. */
  lockDurationMs?: number
  stalledIntervalMs?: number
  /**
   * Aborted when the process is asked to stop during start-up: while Redis is down, scheduling
   * waits on it, and a stop must not open further queues (or workers) that keep it alive.
   */
  signal?: AbortSignal
}

export const DEFAULT_TIMEOUT_MS = 5 * 60_000

/** The reason a timed-out run fails with; it is stored as the job's failedReason. */
export class JobTimeoutError extends Error {
  constructor(jobName: string, timeoutMs: number) {
    super(`Job ${jobName} timed out after ${timeoutMs} ms`)
    this.name = 'JobTimeoutError'
  }
}

/**
 * BullMQ stores a job's return value as JSON. A value JSON cannot carry (a cycle, a BigInt)
 * would make the completion itself fail, so it is dropped with a warning instead: the work is
 * done, only its result is not kept.
 */
export function storableResult(jobName: string, result: unknown): unknown {
  if (result === undefined) return null
  try {
    JSON.stringify(result)
    return result
  } catch (error) {
    logger.warn({ job: jobName }, `result not stored: ${(error as Error).message}`)
    return null
  }
}

/**
 * Runs a job's handler with its timeout: the handler's signal is aborted when the time is up,
 * and the run fails (to be retried) even if the handler ignores the signal.
 */
export async function runJob(definition: JobDefinition<any>, job: Job) {
  const controller = new AbortController()
  const timeoutMs = definition.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new JobTimeoutError(definition.name, timeoutMs)
      controller.abort(error)
      reject(error)
    }, timeoutMs)
  })
  try {
    const result = await Promise.race([
      // Called inside an async function so that a handler throwing synchronously is a
      // failed run like any other.
      (async () =>
        definition.handle(job.data ?? {}, {
          attempt: job.attemptsMade + 1,
          signal: controller.signal,
          jobId: job.id ?? '',
        }))(),
      timeout,
    ])
    return storableResult(definition.name, result)
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The processor of one queue: finds the registered job by name and runs it. An unknown name
 * fails that job at once, without retries (retrying cannot help), never the process.
 */
export function processorFor(definitions: Map<string, JobDefinition<any>>) {
  return async (job: Job) => {
    const definition = definitions.get(job.name)
    if (!definition) throw new UnrecoverableError(`No job named "${job.name}" is registered`)
    return runJob(definition, job)
  }
}

/**
 * Starts one BullMQ worker per queue, each dispatching to the registered job by name.
 * Closing a worker (`worker.close()`) waits for its running jobs, each bounded by its timeout.
 */
export async function startWorkers(options: WorkerOptions): Promise<Worker[]> {
  const definitions = await allJobs()
  const knownQueues = new Set([...definitions.values()].map((definition) => definition.queue))
  await scheduleRepeatedJobs(
    [...definitions.values()].filter((job) => options.queues.includes(job.queue)),
    options.signal
  )
  options.signal?.throwIfAborted()
  return options.queues.map((queueName) => {
    if (!knownQueues.has(queueName)) {
      logger.warn({ queue: queueName }, 'no registered job runs on this queue')
    }
    const worker = new Worker(queueName, processorFor(definitions), {
      connection: queueConnection(),
      prefix: queuePrefix(),
      concurrency: options.concurrency ?? 2,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
    })
    worker.on('active', (job) =>
      logger.debug(
        { queue: queueName, job: job.name, id: job.id, attempt: job.attemptsMade + 1 },
        'job started'
      )
    )
    worker.on('completed', (job) =>
      logger.debug({ queue: queueName, job: job.name, id: job.id }, 'job completed')
    )
    worker.on('failed', (job, error) =>
      logger.warn(
        { queue: queueName, job: job?.name, id: job?.id, attempt: job?.attemptsMade },
        `job failed: ${error.message}`
      )
    )
    // Connection errors (Redis restarting…): BullMQ reconnects by itself; log, never throw.
    worker.on('error', (error) => logger.error({ queue: queueName }, error.message))
    return worker
  })
}

/**
 * Registers (or updates) the schedule of every repeated job, by job name: idempotent, so every
 * worker of the queue may do it at start. An aborted `signal` stops it between two schedules,
 * and stops the wait on one (the queue itself is closed by whoever aborted).
 */
export async function scheduleRepeatedJobs(
  definitions: JobDefinition<any>[],
  signal?: AbortSignal
) {
  for (const definition of definitions) {
    if (!definition.repeat) continue
    signal?.throwIfAborted()
    const scheduled = getQueue(definition.queue).upsertJobScheduler(
      definition.name,
      { every: definition.repeat.everyMs },
      {
        name: definition.name,
        data: {},
        opts: {
          attempts: definition.attempts ?? 1,
          backoff: { type: 'exponential', delay: definition.backoffMs ?? 2000 },
          removeOnComplete: { age: 24 * 3600, count: 100 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      }
    )
    await (signal ? untilAborted(scheduled, signal) : scheduled)
  }
}

/** `work`, or the signal's reason as soon as it is aborted (the work itself is left behind). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted()
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/** Closes workers; `force` does not wait for running jobs (second Ctrl-C). */
export async function stopWorkers(workers: Worker[], force = false) {
  await Promise.all(workers.map((worker) => worker.close(force)))
}
