import { BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { DateTime } from 'luxon'
import ReprocessMedia from '#kernel/media/actions/reprocess_media'
import { closeQueues } from '#kernel/queue/queues'

/**
 * Queues media for processing again, e.g. after fixing the pipeline or an outage. A worker
 * (`queue:work`) does the work.
 */
export default class MediaReprocess extends BaseCommand {
  static commandName = 'media:reprocess'
  static description = 'Remet des médias en file de traitement (tous, ou seulement les échecs)'
  static help = [
    'npm run ace -- media:reprocess --failed',
    'npm run ace -- media:reprocess --since=2025-01-31',
  ]
  static options: CommandOptions = { startApp: true }

  @flags.boolean({ description: 'Seulement les médias en échec' })
  declare failed?: boolean

  @flags.string({
    description: 'Seulement les médias envoyés depuis cette date (AAAA-MM-JJ ou ISO 8601)',
  })
  declare since?: string

  async run() {
    const since =
      this.since === undefined ? undefined : DateTime.fromISO(this.since, { zone: 'Europe/Paris' })
    if (since && !since.isValid) {
      this.logger.error(`--since : date invalide « ${this.since} » (attendu AAAA-MM-JJ)`)
      this.exitCode = 1
      return
    }
    try {
      const count = await new ReprocessMedia().handle({ failedOnly: this.failed, since })
      this.logger.success(`${count} média(s) remis en file de traitement`)
    } finally {
      await closeQueues()
    }
  }
}
