import InfoImportCommand from '#info/support/import_command'

export default class InfoImportCarpool extends InfoImportCommand {
  static commandName = 'info:import-carpool'
  static description =
    'Importe des aires de covoiturage (schéma etalab/schema-lieux-covoiturage, CSV)'

  protected async runImport(collectivityId: number, content: Buffer) {
    const { default: ImportCarpoolAreas } = await import('#info/actions/import_carpool_areas')
    return new ImportCarpoolAreas().handle(collectivityId, content)
  }
}
