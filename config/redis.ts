import env from '#start/env'
import { defineConfig } from '@adonisjs/redis'
import type { InferConnections } from '@adonisjs/redis/types'

/**
 * Parses REDIS_URL into ioredis options, so one variable configures both this connection and
 * the BullMQ queues (see app/kernel/queue).
 */
export function redisOptionsFromUrl(url = env.get('REDIS_URL', 'redis://127.0.0.1:6379/0')) {
  const parsed = new URL(url)
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number(parsed.pathname.replace('/', '') || 0),
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
  }
}

/** Reconnects for ever, at most a second apart: Redis back means the app back, by itself. */
export function reconnectDelay(attempt: number): number {
  return Math.min(attempt * 100, 1000)
}

const redisConfig = defineConfig({
  connection: 'main',
  connections: {
    main: {
      ...redisOptionsFromUrl(),
      keyPrefix: '',
      // Redis away: a command gives up after 1.5 s (the request answers 503, see
      // app/kernel/http/outages.ts) and the connection retries for ever, a second apart at most,
      // so everything recovers by itself when Redis returns.
      connectTimeout: 1500,
      commandTimeout: 1500,
      maxRetriesPerRequest: 1,
      retryStrategy: reconnectDelay,
    },
  },
})

export default redisConfig

declare module '@adonisjs/redis/types' {
  export interface RedisConnections extends InferConnections<typeof redisConfig> {}
}
