import limiter from '@adonisjs/limiter/services/main'
import redis from '@adonisjs/redis/services/main'
import { LIMITER_KEY_PREFIX } from '#config/limiter'

/**
 * Forgets every rate-limit counter, whichever store holds them (memory in `.env.test`, Redis
 * when LIMITER_STORE=redis): each test starts with full buckets, so tests stay independent of
 * their order. Only the limiter's own keys are removed, never the queue's.
 */
export async function resetRateLimits() {
  await limiter.clear(['memory'])
  if (limiter.config.default !== 'redis') return

  const connection = redis.connection('main')
  let cursor = '0'
  do {
    const [next, keys] = await connection.scan(
      cursor,
      'MATCH',
      `${LIMITER_KEY_PREFIX}:*`,
      'COUNT',
      500
    )
    if (keys.length) await connection.del(...keys)
    cursor = next
  } while (cursor !== '0')
}
