import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Imports commune or département boundaries (GeoJSON, properties.code) into PostGIS; EPCI shapes
 * follow as the union of their communes. Thin: the rules live in ImportBoundaries.
 */
export default class CollectivityImportBoundaries extends BaseCommand {
  static commandName = 'collectivity:import-boundaries'
  static description = 'Importe les contours des communes ou des départements (GeoJSON)'
  static help = [
    'npm run ace -- collectivity:import-boundaries database/data/contours/communes-32-gers.geojson',
    'npm run ace -- collectivity:import-boundaries database/data/contours/departement-32-gers.geojson --level=departement',
  ]
  static options: CommandOptions = { startApp: true }

  @args.string({
    description: 'Fichier GeoJSON (FeatureCollection, code officiel dans properties.code)',
  })
  declare file: string

  @flags.string({ description: 'commune ou departement', default: 'commune' })
  declare level: string

  async run() {
    if (this.level !== 'commune' && this.level !== 'departement') {
      this.logger.error(`Niveau inconnu « ${this.level} » : commune ou departement`)
      this.exitCode = 1
      return
    }
    const { default: ImportBoundaries } =
      await import('#kernel/territories/actions/import_boundaries')
    try {
      const report = await new ImportBoundaries().handle({ path: this.file, level: this.level })
      this.logger.success(
        `${report.features} contours lus : ${report.matched} reconnus, ${report.merged.length} fusionnés, ${report.unknown.length} inconnus ; ${report.written} collectivités écrites, ${report.epcis} EPCI recalculés`
      )
      for (const merge of report.merged)
        this.logger.info(`fusionné : ${merge.code} → ${merge.into}`)
      if (report.unknown.length > 0) this.logger.warning(`inconnus : ${report.unknown.join(', ')}`)
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
