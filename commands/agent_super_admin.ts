import { args, BaseCommand, flags } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Grants (or with --revoke takes back) the département-wide super-admin of an existing agent.
 * The last super-admin cannot be revoked.
 */
export default class AgentSuperAdmin extends BaseCommand {
  static commandName = 'agent:super-admin'
  static description =
    'Nomme un agent existant super-administrateur du département (ou le retire avec --revoke)'
  static help = [
    'npm run ace -- agent:super-admin dsi@gers.fr',
    'npm run ace -- agent:super-admin ancien@gers.fr --revoke',
  ]
  static options: CommandOptions = { startApp: true }

  @args.string({ description: "Adresse e-mail de l'agent (déjà invité)" })
  declare email: string

  @flags.boolean({ description: 'Retirer le rôle de super-administrateur au lieu de le donner' })
  declare revoke?: boolean

  async run() {
    const { default: SetSuperAdmin } = await import('#kernel/accounts/actions/set_super_admin')
    try {
      const { agent, changed } = await new SetSuperAdmin().handle({
        email: this.email,
        superAdmin: !this.revoke,
      })
      const state = this.revoke ? "n'est plus super-administrateur" : 'est super-administrateur'
      this.logger.success(`${agent.email} ${state}${changed ? '' : ' (inchangé)'}`)
    } catch (error) {
      this.logger.error(error instanceof Error ? error.message : String(error))
      this.exitCode = 1
    }
  }
}
