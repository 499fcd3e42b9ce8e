import InfoImportCommand from '#info/support/import_command'

export default class InfoImportBikeLanes extends InfoImportCommand {
  static commandName = 'info:import-bike-lanes'
  static description =
    'Importe des aménagements cyclables (schéma etalab/schema-amenagements-cyclables, GeoJSON)'

  protected async runImport(collectivityId: number, content: Buffer) {
    const { default: ImportBikeLanes } = await import('#info/actions/import_bike_lanes')
    return new ImportBikeLanes().handle(collectivityId, content)
  }
}
