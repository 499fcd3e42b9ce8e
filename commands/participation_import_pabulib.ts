import { readFile } from 'node:fs/promises'
import { BaseCommand, args, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import { SingleBar, Presets } from 'cli-progress'

/** Imports a Pabulib file as a closed participatory budget of an authority. */
export default class ParticipationImportPabulib extends BaseCommand {
  static commandName = 'participation:import-pabulib'
  static description = 'Importe un budget participatif au format Pabulib (campagne close)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Fichier .pb' })
  declare file: string

  @flags.string({
    description: 'Code officiel de la collectivité (INSEE ou SIREN)',
    required: true,
  })
  declare collectivity: string

  @flags.string({
    description: 'Règle d’attribution : greedy ou equal_shares (défaut : celle du fichier)',
  })
  declare rule?: string

  @flags.boolean({ description: 'Dernière ligne en JSON' })
  declare json: boolean

  async run() {
    const { default: ImportPabulib } = await import('#participation/actions/budgets/import_pabulib')
    const { ALLOCATION_RULES } = await import('#participation/support/allocation/index')
    if (this.rule !== undefined && !(ALLOCATION_RULES as readonly string[]).includes(this.rule)) {
      this.logger.error(`Règle inconnue « ${this.rule} » : greedy ou equal_shares`)
      this.exitCode = 1
      return
    }
    const bar = new SingleBar(
      { format: ' bulletins [{bar}] {value}/{total}', hideCursor: true, noTTYOutput: false },
      Presets.shades_classic
    )
    // A bar on a terminal; elsewhere (a log file, CI, a test) one line per batch written.
    let done = 0
    let total = 0
    const progress = process.stdout.isTTY
      ? {
          start: (count: number) => bar.start(count, 0),
          advance: (n: number) => bar.increment(n),
          stop: () => bar.stop(),
        }
      : {
          start: (count: number) => {
            total = count
            this.logger.info(`bulletins 0/${total}`)
          },
          advance: (n: number) => {
            done += n
            this.logger.info(`bulletins ${done}/${total}`)
          },
          stop: () => {},
        }
    try {
      const started = performance.now()
      const text = await readFile(this.file, 'utf8')
      const summary = await new ImportPabulib().handle(
        text,
        this.collectivity,
        this.rule as any,
        progress
      )
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      this.logger.success(
        `Campagne ${summary.campaign_id} : ${summary.projects} projets, ${summary.ballots} bulletins importés en ${seconds} s`
      )
      if (this.json) this.logger.log(JSON.stringify(summary))
    } catch (error) {
      progress.stop()
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
