import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { allQueueNames } from '#kernel/queue/registry'
import { startWorkers } from '#kernel/queue/worker'

/**
 * The queue worker, in its own process. Scale by running more of them; SIGTERM lets running
 * jobs finish (or time out) before exiting.
 */
export default class QueueWork extends BaseCommand {
  static commandName = 'queue:work'
  static description = 'Traite les tâches en file (BullMQ) : médias, imports, publications programmées'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.array({ description: 'Queues to work (default: all registered queues)' })
  declare queue?: string[]

  @flags.number({ description: 'Jobs run at once per queue', default: 2 })
  declare concurrency: number

  async run() {
    const queues = this.queue?.length ? this.queue : await allQueueNames()
    if (queues.length === 0) {
      this.logger.warning('No job is registered: nothing to work on')
    }
    const workers = await startWorkers({ queues, concurrency: this.concurrency })
    this.logger.info(`Working queues: ${queues.join(', ') || '(none)'}`)

    const stop = async () => {
      await Promise.all(workers.map((worker) => worker.close()))
      await this.app.terminate()
    }
    this.app.terminating(async () => {
      await Promise.all(workers.map((worker) => worker.close()))
    })
    process.once('SIGTERM', stop)
    process.once('SIGINT', stop)
  }
}
