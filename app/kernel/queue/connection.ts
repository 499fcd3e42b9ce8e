import env from '#start/env'
import { reconnectDelay, redisOptionsFromUrl } from '#config/redis'
import type { ConnectionOptions } from 'bullmq'

/**
 * BullMQ connection options from REDIS_URL. `maxRetriesPerRequest: null` is what BullMQ
 * workers require for their blocking commands; `reconnectDelay` brings queues and workers back
 * within a second of Redis returning (BullMQ's own default waits up to 20 s between tries).
 */
export function queueConnection(): ConnectionOptions {
  return { ...redisOptionsFromUrl(), maxRetriesPerRequest: null, retryStrategy: reconnectDelay }
}

/** Every BullMQ key starts with this, so deployments and test runs can share one Redis. */
export function queuePrefix(): string {
  return env.get('QUEUE_PREFIX', 'bastide')
}
