import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Invites an agent into an authority from the CLI (e.g. an authority's first admin). Prints
 * the invitation link, which is also mailed.
 */
export default class AgentInvite extends BaseCommand {
  static commandName = 'agent:invite'
  static description =
    "Invite un agent dans une collectivité (lien d'invitation envoyé par e-mail et affiché)"
  static options: CommandOptions = { startApp: true }

  @args.string({ description: "Adresse e-mail de l'agent" })
  declare email: string

  @flags.string({
    description: 'Code officiel de la collectivité (INSEE, ou SIREN pour un EPCI)',
    required: true,
  })
  declare collectivity: string

  @flags.string({ description: 'Rôle : admin, editor ou moderator', default: 'admin' })
  declare role: string

  @flags.boolean({
    description: "Confirme le changement de rôle si l'agent est déjà membre sous un autre rôle",
  })
  declare changeRole: boolean

  async run() {
    const { default: Collectivity } = await import('#kernel/territories/models/collectivity')
    const { default: InviteAgent } = await import('#kernel/accounts/actions/invite_agent')
    const { isRole } = await import('#kernel/tenancy/permissions')

    if (!isRole(this.role)) {
      this.logger.error(`Rôle inconnu « ${this.role} » : admin, editor ou moderator`)
      this.exitCode = 1
      return
    }
    const matches = await Collectivity.query().where('code', this.collectivity.trim())
    if (matches.length !== 1) {
      this.logger.error(
        matches.length === 0
          ? `Aucune collectivité de code « ${this.collectivity} » : importez-la d'abord (collectivity:onboard)`
          : `Plusieurs collectivités ont le code « ${this.collectivity} »`
      )
      this.exitCode = 1
      return
    }
    try {
      const { agent, invitationUrl } = await new InviteAgent().handle({
        email: this.email,
        collectivityId: matches[0].id,
        role: this.role,
        confirmRoleChange: this.changeRole,
      })
      this.logger.success(`${agent.email} : ${this.role} de ${matches[0].name}`)
      this.logger.info(`Lien : ${invitationUrl}`)
    } catch (error) {
      this.logger.error((error as Error).message)
      this.exitCode = 1
    }
  }
}
