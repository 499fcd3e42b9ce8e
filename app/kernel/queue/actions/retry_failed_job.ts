import { getQueue } from '#kernel/queue/queues'
import { allQueueNames } from '#kernel/queue/registry'
import { NotFoundError } from '#kernel/http/errors'

/**
 * Puts one failed job back in its queue with its attempts counted from zero again, so that it
 * gets its full retry policy (and handlers see attempt 1, not one past the last).
 */
export default class RetryFailedJob {
  async handle(input: { queue: string; jobId: string }): Promise<void> {
    const queues = await allQueueNames()
    if (!queues.includes(input.queue)) throw new NotFoundError('File de tâches inconnue')
    const job = await getQueue(input.queue).getJob(input.jobId)
    if (!job || !(await job.isFailed())) throw new NotFoundError('Tâche en échec introuvable')
    await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true })
  }
}
