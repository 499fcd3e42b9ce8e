import env from '#start/env'
import { defineConfig, stores } from '@adonisjs/limiter'

/**
 * Rate limits live in Redis (LIMITER_STORE=redis) so that every web node counts the same
 * requests; `memory` is for a single process (tests). Keys carry a prefix of their own so they
 * can be told apart from the queue's keys in a shared Redis database.
 */
export const LIMITER_KEY_PREFIX = `${env.get('QUEUE_PREFIX', 'bastide')}:limits`

const limiterConfig = defineConfig({
  default: env.get('LIMITER_STORE'),
  stores: {
    redis: stores.redis({ connectionName: 'main', keyPrefix: LIMITER_KEY_PREFIX }),
    memory: stores.memory({ keyPrefix: LIMITER_KEY_PREFIX }),
  },
})

export default limiterConfig

declare module '@adonisjs/limiter/types' {
  export interface LimitersList extends InferLimiters<typeof limiterConfig> {}
}
