/**
 * A background job: a name, the queue it runs on, and a handler that receives ids (never
 * objects), loads what it needs and calls actions. Handlers must be safe to run twice.
 */
export interface JobContext {
  /** 1 on the first run, 2 on the first retry… */
  attempt: number
  /** Aborted when the job's timeout elapses (a worker shutting down waits for the run). */
  signal: AbortSignal
  jobId: string
}

export interface JobDefinition<Payload extends Record<string, unknown> = Record<string, unknown>> {
  name: string
  queue: string
  /** Total runs before the job is marked failed (default 3). */
  attempts?: number
  /** First retry delay; doubles at each retry (default 2 s). */
  backoffMs?: number
  /** The handler is aborted after this long (default 5 min). */
  timeoutMs?: number
  /**
   * Runs by itself every `everyMs` (with an empty payload): the workers of its queue register
   * the schedule when they start; BullMQ keeps one schedule per job name however many start.
   */
  repeat?: { everyMs: number }
  handle(payload: Payload, context: JobContext): Promise<unknown>
}

export function defineJob<Payload extends Record<string, unknown>>(
  definition: JobDefinition<Payload>
): JobDefinition<Payload> {
  return definition
}
