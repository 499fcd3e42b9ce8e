import { Worker, type Job } from 'bullmq'
import logger from '@adonisjs/core/services/logger'
import type { JobDefinition } from '#kernel/queue/job'
import { allJobs } from '#kernel/queue/registry'
import { queueConnection, queuePrefix } from '#kernel/queue/connection'

export interface WorkerOptions {
  queues: string[]
  concurrency?: number
  /** How long a job's lock lives without renewal: a killed worker's job is taken up after it. */
  lockDurationMs?: number
  stalledIntervalMs?: number
}

/**
 * Runs a job's handler with its timeout: the handler's signal is aborted when the time is up,
 * and the run fails (to be retried) even if the handler ignores the signal.
 */
export async function runJob(definition: JobDefinition<any>, job: Job) {
  const controller = new AbortController()
  const timeoutMs = definition.timeoutMs ?? 5 * 60_000
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`timeout after ${timeoutMs} ms`))
      reject(new Error(`Job ${definition.name} timed out after ${timeoutMs} ms`))
    }, timeoutMs)
  })
  try {
    return await Promise.race([
      definition.handle(job.data, {
        attempt: job.attemptsMade + 1,
        signal: controller.signal,
        jobId: job.id ?? '',
      }),
      timeout,
    ])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Starts one BullMQ worker per queue, each dispatching to the registered job by name.
 * An unknown job name fails that job, never the process.
 */
export async function startWorkers(options: WorkerOptions): Promise<Worker[]> {
  const definitions = await allJobs()
  return options.queues.map((queueName) => {
    const worker = new Worker(
      queueName,
      async (job) => {
        const definition = definitions.get(job.name)
        if (!definition) throw new Error(`No job named "${job.name}" is registered`)
        return runJob(definition, job)
      },
      {
        connection: queueConnection(),
        prefix: queuePrefix(),
        concurrency: options.concurrency ?? 2,
        lockDuration: options.lockDurationMs ?? 30_000,
        stalledInterval: options.stalledIntervalMs ?? 30_000,
      }
    )
    worker.on('failed', (job, error) =>
      logger.warn({ queue: queueName, job: job?.name, id: job?.id, attempt: job?.attemptsMade }, error.message)
    )
    worker.on('error', (error) => logger.error({ queue: queueName }, error.message))
    return worker
  })
}
