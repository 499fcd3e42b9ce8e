import InfoImportCommand from '#info/support/import_command'

export default class InfoImportPlaces extends InfoImportCommand {
  static commandName = 'info:import-places'
  static description = 'Importe des lieux (CSV générique, voir app/info/imports.md)'

  protected async runImport(collectivityId: number, content: Buffer) {
    const { default: ImportPlaces } = await import('#info/actions/import_places')
    return new ImportPlaces().handle(collectivityId, content)
  }
}
