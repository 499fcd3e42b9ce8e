import { writeFile } from 'node:fs/promises'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Writes a participatory budget as a Pabulib file (to a file or the standard output). */
export default class ParticipationExportPabulib extends BaseCommand {
  static commandName = 'participation:export-pabulib'
  static description = 'Exporte un budget participatif au format Pabulib'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Identifiant de la campagne' })
  declare id: string

  @flags.string({ description: 'Fichier à écrire (défaut : sortie standard)' })
  declare out?: string

  @flags.number({ description: 'Quartier (campagnes en quartiers)' })
  declare district?: number

  async run() {
    const { default: ExportPabulib } = await import('#participation/actions/budgets/export_pabulib')
    try {
      const text = await new ExportPabulib().handle(Number(this.id), this.district)
      if (this.out) {
        await writeFile(this.out, text)
        this.logger.success(`Écrit : ${this.out}`)
      } else process.stdout.write(text)
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
