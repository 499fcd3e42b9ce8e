import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import { redisOptionsFromUrl } from '#config/redis'
import { queuePrefix } from '#kernel/queue/connection'

export type CheckStatus = 'ok' | 'error'

export interface CheckResult {
  status: CheckStatus
  durationMs: number
  message?: string
}

export interface QueueDepth {
  waiting: number
  active: number
  delayed: number
  failed: number
}

export interface QueuesCheckResult extends CheckResult {
  queues: Record<string, QueueDepth>
}

/** Rejects after `ms`, so that a silent peer (firewall dropping packets) cannot hang a probe. */
export async function withTimeout<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} : pas de réponse après ${ms} ms`)), ms)
  })
  try {
    return await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

async function timed<T extends object>(work: () => Promise<T>) {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  try {
    const extra = await work()
    return { status: 'ok' as const, durationMs: elapsed(), ...extra }
  } catch (error) {
    return { status: 'error' as const, durationMs: elapsed(), message: (error as Error).message }
  }
}

/** `SELECT 1` on a Lucid connection (the default one unless named). */
export function checkDatabase(options: {
  connection?: string
  timeoutMs: number
}): Promise<CheckResult> {
  return timed(async () => {
    const query = db.connection(options.connection).rawQuery('SELECT 1 AS ok')
    await withTimeout(options.timeoutMs, 'PostgreSQL', Promise.resolve(query))
    return {}
  })
}

/**
 * A short-lived Redis client for one probe: it connects lazily, never retries, never queues
 * commands while offline, and is always disconnected, so a Redis outage leaks no connection
 * and no reconnect loop.
 */
function probeClient(url: string, timeoutMs: number) {
  return new Redis({
    ...redisOptionsFromUrl(url),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  })
}

/**
 * Redis (PING) and, on the same connection, the depth of each queue. When Redis cannot be
 * reached, both report the error.
 */
export async function checkRedisAndQueues(options: {
  url?: string
  /** Resolved by the caller (the job registry), bounded by the same timeout here. */
  queueNames: Promise<string[]>
  timeoutMs: number
}): Promise<{ redis: CheckResult; queues: QueuesCheckResult }> {
  // Awaited only when Redis answers: never an unhandled rejection otherwise.
  options.queueNames.catch(() => {})
  const client = probeClient(
    options.url ?? env.get('REDIS_URL', 'redis://127.0.0.1:6379/0'),
    options.timeoutMs
  )
  // The first connection error says why (ECONNREFUSED…); ioredis then only says "closed".
  let lastError: Error | undefined
  client.on('error', (error) => (lastError ??= error))
  try {
    const redis = await timed(async () => {
      await withTimeout(
        options.timeoutMs,
        'Redis',
        client
          .connect()
          .then(() => client.ping())
          .catch((error) => {
            const where = `${client.options.host}:${client.options.port}`
            throw new Error(`${where} : ${(lastError ?? error).message}`)
          })
      )
      return {}
    })
    if (redis.status === 'error') {
      return {
        redis,
        queues: { status: 'error', durationMs: 0, message: 'Redis injoignable', queues: {} },
      }
    }
    const queues = await timed(async () => {
      const names = await withTimeout(options.timeoutMs, 'Liste des files', options.queueNames)
      const depths = queueDepths(client, names)
      return { queues: await withTimeout(options.timeoutMs, 'Files de tâches', depths) }
    })
    return { redis, queues: { queues: {}, ...queues } }
  } finally {
    client.disconnect()
  }
}

async function queueDepths(client: Redis, names: string[]) {
  const depths: Record<string, QueueDepth> = {}
  for (const name of names) {
    // A Queue over our client shares it (BullMQ does not close a connection it did not open).
    const queue = new Queue(name, { connection: client, prefix: queuePrefix() })
    try {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed')
      depths[name] = {
        waiting: counts.waiting ?? 0,
        active: counts.active ?? 0,
        delayed: counts.delayed ?? 0,
        failed: counts.failed ?? 0,
      }
    } finally {
      await queue.close()
    }
  }
  return depths
}
