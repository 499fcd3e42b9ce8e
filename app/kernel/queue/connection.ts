import env from '#start/env'
import { redisOptionsFromUrl } from '#config/redis'
import type { ConnectionOptions } from 'bullmq'

/**
 * BullMQ connection options from REDIS_URL. `maxRetriesPerRequest: null` is what BullMQ
 * workers require for their blocking commands.
 */
export function queueConnection(): ConnectionOptions {
  return { ...redisOptionsFromUrl(), maxRetriesPerRequest: null }
}

/** Every BullMQ key starts with this, so deployments and test runs can share one Redis. */
export function queuePrefix(): string {
  return env.get('QUEUE_PREFIX', 'bastide')
}
