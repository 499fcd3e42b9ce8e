import InfoImportCommand from '#info/support/import_command'

export default class InfoImportMenus extends InfoImportCommand {
  static commandName = 'info:import-menus'
  static description = 'Importe des menus de cantine (schéma scdl/menus-collectifs, CSV)'

  protected async runImport(collectivityId: number, content: Buffer) {
    const { default: ImportMenus } = await import('#info/actions/import_menus')
    return new ImportMenus().handle(collectivityId, content)
  }
}
