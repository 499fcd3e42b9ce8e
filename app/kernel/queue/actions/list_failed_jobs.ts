import { getQueue } from '#kernel/queue/queues'
import { allQueueNames } from '#kernel/queue/registry'

export interface FailedJob {
  queue: string
  id: string
  name: string
  data: unknown
  failedReason: string
  attemptsMade: number
  failedAt: string | null
}

/** The failed jobs of every queue, newest first (at most `limit` per queue). */
export default class ListFailedJobs {
  async handle(limit = 50): Promise<FailedJob[]> {
    const jobs: FailedJob[] = []
    for (const name of await allQueueNames()) {
      for (const job of await getQueue(name).getFailed(0, limit - 1)) {
        if (!job) continue
        jobs.push({
          queue: name,
          id: String(job.id),
          name: job.name,
          data: job.data,
          failedReason: job.failedReason,
          attemptsMade: job.attemptsMade,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
        })
      }
    }
    return jobs.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''))
  }
}
