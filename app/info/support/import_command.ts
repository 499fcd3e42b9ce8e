import { readFile } from 'node:fs/promises'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import type { ImportReport } from '#info/support/import_report'

/**
 * What the info import commands share: a file argument, a `--collectivity` code, and the
 * printed report (accepted, created, updated, then each rejected row with its reason). The
 * subclasses only name the action to run.
 */
export default abstract class InfoImportCommand extends BaseCommand {
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Fichier à importer' })
  declare file: string

  @flags.string({
    description: 'Code officiel de la collectivité propriétaire (INSEE ou SIREN)',
    required: true,
  })
  declare collectivity: string

  protected abstract runImport(collectivityId: number, content: Buffer): Promise<ImportReport>

  async run() {
    const { collectivityByCode } = await import('#info/support/collectivity_by_code')
    try {
      const owner = await collectivityByCode(this.collectivity)
      const report = await this.runImport(owner.id, await readFile(this.file))
      this.logger.success(
        `${owner.name} : ${report.accepted} ligne(s) acceptée(s) (${report.created} créé(s), ${report.updated} mis à jour), ${report.rejected.length} rejetée(s)`
      )
      for (const row of report.rejected) {
        this.logger.warning(
          `ligne ${row.line}${row.sourceId ? ` [${row.sourceId}]` : ''} : ${row.reason}`
        )
      }
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
