import type { Worker } from 'bullmq'
import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { allQueueNames } from '#kernel/queue/registry'
import { startWorkers, stopWorkers } from '#kernel/queue/worker'
import { closeQueues } from '#kernel/queue/queues'
import { checkRedisAndQueues } from '#kernel/health/checks'

/**
 * The queue worker, in its own process. Scale by running more of them (per queue with
 * --queue). SIGTERM or Ctrl-C lets running jobs finish (or time out), then exits 0; a second
 * Ctrl-C stops at once.
 */
export default class QueueWork extends BaseCommand {
  static commandName = 'queue:work'
  static description =
    'Traite les tâches en file (BullMQ) : médias, imports, publications programmées'
  static options: CommandOptions = { startApp: true, staysAlive: true }

  @flags.array({ description: 'Files à traiter, séparées par des virgules (défaut : toutes)' })
  declare queue?: string[]

  @flags.number({ description: 'Tâches exécutées en même temps par file', default: 2 })
  declare concurrency: number

  @flags.number({
    description:
      "Durée du verrou d'une tâche en ms : une tâche d'un worker tué est reprise après ce délai (défaut 30000)",
  })
  declare lockDuration?: number

  @flags.number({ description: 'Intervalle de recherche des tâches bloquées en ms (défaut 30000)' })
  declare stalledInterval?: number

  async run() {
    // bin/console.ts turns SIGTERM into app.terminate(); this hook makes it graceful. It is in
    // place before anything waits on Redis, so a stop during start-up is not lost: it aborts
    // `starting` (no further queue is opened), and workers that were starting as it came are
    // closed at once (below) instead of keeping the process alive.
    let workers: Worker[] = []
    const starting = new AbortController()
    this.app.terminating(async () => {
      starting.abort(new Error('stopped during start-up'))
      this.logger.info('Arrêt : les tâches en cours se terminent…')
      await stopWorkers(workers)
      await closeQueues()
      this.logger.info('Worker arrêté')
    })

    // BullMQ (and job loaders) wait for Redis without a word: say so once, then wait with them.
    const { redis } = await checkRedisAndQueues({
      queueNames: Promise.resolve([]),
      timeoutMs: 2000,
    })
    if (redis.status === 'error') {
      this.logger.warning(`Redis injoignable (${redis.message}) : le worker attend son retour`)
    }
    const queues = this.queue?.length
      ? this.queue
          .flatMap((value) => value.split(','))
          .map((name) => name.trim())
          .filter(Boolean)
      : await allQueueNames()
    if (!Number.isInteger(this.concurrency) || this.concurrency < 1) {
      this.logger.error('--concurrency doit être un entier supérieur ou égal à 1')
      this.exitCode = 1
      return this.app.terminate()
    }
    if (queues.length === 0) {
      this.logger.warning('Aucune tâche enregistrée : rien à traiter (le worker attend quand même)')
    }

    try {
      workers = await startWorkers({
        queues,
        concurrency: this.concurrency,
        lockDurationMs: this.lockDuration,
        stalledIntervalMs: this.stalledInterval,
        signal: starting.signal,
      })
    } catch (error) {
      // Stopped while waiting for Redis: the terminating hook closes what was opened.
      if (starting.signal.aborted) return
      throw error
    }
    if (starting.signal.aborted) {
      await stopWorkers(workers)
      await closeQueues()
      return
    }
    this.logger.info(
      `Worker prêt — files : ${queues.join(', ') || '(aucune)'}, concurrence ${this.concurrency}`
    )

    let interrupted = false
    process.on('SIGINT', () => {
      if (interrupted) {
        this.logger.warning('Second Ctrl-C : arrêt immédiat')
        void stopWorkers(workers, true).finally(() => process.exit(1))
        return
      }
      interrupted = true
      void this.app.terminate()
    })
  }
}
