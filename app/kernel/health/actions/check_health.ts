import { allQueueNames } from '#kernel/queue/registry'
import {
  checkDatabase,
  checkRedisAndQueues,
  type CheckResult,
  type QueuesCheckResult,
} from '#kernel/health/checks'

export interface HealthReport {
  status: 'ok' | 'error'
  checks: {
    database: CheckResult
    redis: CheckResult
    queues: QueuesCheckResult
  }
}

export interface HealthTargets {
  /** Lucid connection name (default connection unless set). */
  databaseConnection?: string
  /** Redis URL (REDIS_URL unless set). */
  redisUrl?: string
  /** Per check; a probe must answer well within a load balancer's own timeout. */
  timeoutMs?: number
}

/**
 * What `/health` reports: PostgreSQL, Redis and the depth of every registered queue, checked
 * in parallel. Healthy only when every check is; queue depth itself never makes it unhealthy
 * (a backlog is a capacity question, not an outage).
 */
export default class CheckHealth {
  async handle(targets: HealthTargets = {}): Promise<HealthReport> {
    const timeoutMs = targets.timeoutMs ?? 2000
    const [database, { redis, queues }] = await Promise.all([
      checkDatabase({ connection: targets.databaseConnection, timeoutMs }),
      checkRedisAndQueues({ url: targets.redisUrl, queueNames: allQueueNames(), timeoutMs }),
    ])
    const checks = { database, redis, queues }
    const healthy = Object.values(checks).every((check) => check.status === 'ok')
    return { status: healthy ? 'ok' : 'error', checks }
  }
}
