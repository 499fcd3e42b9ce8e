import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Issues an Open311 API key for an authority; the key alone is printed on the last line. */
export default class Open311Key extends BaseCommand {
  static commandName = 'open311:key'
  static description =
    'Délivre une clé d’API Open311 à un client (la clé seule sur la dernière ligne)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'Nom du client (application, partenaire)' })
  declare name: string

  @flags.string({
    description: 'Code officiel de la collectivité qui délivre la clé',
    required: true,
  })
  declare collectivity: string

  async run() {
    const { default: Collectivity } = await import('#kernel/territories/models/collectivity')
    const { IssueOpen311Key } = await import('#signalement/actions/open311')
    const authority = await Collectivity.query()
      .where('code', this.collectivity.trim().toUpperCase())
      .where('status', 'onboarded')
      .first()
    if (!authority) {
      this.logger.error(`Aucune collectivité importée de code « ${this.collectivity} »`)
      this.exitCode = 1
      return
    }
    const { key } = await new IssueOpen311Key().handle({
      collectivityId: authority.id,
      name: this.name,
    })
    this.logger.info(
      `Clé Open311 « ${this.name} » pour ${authority.name} (conservez-la : elle ne sera plus affichée)`
    )
    this.logger.log(key)
  }
}
