import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'
import Collectivity from '#kernel/territories/models/collectivity'
import SetFeatures from '#kernel/modules/actions/set_features'
import { allFeatures } from '#kernel/modules/registry'
import { kindOfCode } from '#kernel/territories/queries/show_collectivity_sql'

/**
 * Switches an authority's optional modules on or off from the CLI and shows the result.
 */
export default class CollectivityModules extends BaseCommand {
  static commandName = 'collectivity:modules'
  static description = "Active ou désactive les modules d'une collectivité et affiche leur état"
  static help = [
    'npm run ace -- collectivity:modules 32013 --enable=markets,polls --disable=producers',
    'npm run ace -- collectivity:modules 32   (affiche seulement l’état)',
  ]
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Code officiel : INSEE (commune, département) ou SIREN (EPCI)' })
  declare code: string

  @flags.array({ description: 'Modules à activer (clés séparées par des virgules)' })
  declare enable?: string[]

  @flags.array({ description: 'Modules à désactiver (clés séparées par des virgules)' })
  declare disable?: string[]

  async run() {
    const code = this.code.trim().toUpperCase()
    const kind = kindOfCode(code)
    const collectivity = kind ? await Collectivity.findBy({ kind, code }) : null
    if (!collectivity) {
      this.logger.error(`Aucune collectivité pour le code « ${this.code} » (importez-la d'abord)`)
      this.exitCode = 1
      return
    }
    try {
      await new SetFeatures().handle(collectivity, {
        enable: splitKeys(this.enable),
        disable: splitKeys(this.disable),
      })
    } catch (error) {
      this.logger.error(error instanceof Error ? error.message : String(error))
      this.exitCode = 1
      return
    }
    this.logger.info(`${collectivity.name} (${collectivity.kind} ${collectivity.code})`)
    const table = this.ui.table()
    table.head(['Module', 'Clé', 'Type', 'État'])
    for (const feature of allFeatures()) {
      const on = collectivity.isModuleEnabled(feature.key)
      table.row([
        feature.label,
        feature.key,
        feature.kind === 'core' ? 'base' : 'optionnel',
        on ? 'activé' : 'désactivé',
      ])
    }
    table.render()
  }
}

/** `--enable=a,b --enable=c` → ['a', 'b', 'c']. */
function splitKeys(values: string[] | undefined) {
  return (values ?? [])
    .flatMap((value) => value.split(','))
    .map((key) => key.trim())
    .filter(Boolean)
}
