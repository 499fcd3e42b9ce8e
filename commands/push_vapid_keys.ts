import { BaseCommand } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/** Prints a new VAPID key pair to put in the environment (Web Push alerts). */
export default class PushVapidKeys extends BaseCommand {
  static commandName = 'push:vapid-keys'
  static description = 'Génère une paire de clés VAPID pour les notifications Web Push'
  static options: CommandOptions = { startApp: false }

  async run() {
    const { default: GenerateVapidKeys } = await import('#kernel/push/actions/generate_vapid_keys')
    const keys = new GenerateVapidKeys().handle()
    this.logger.info('À placer dans l’environnement (.env) ; gardez la clé privée secrète :')
    console.log(`VAPID_PUBLIC_KEY=${keys.publicKey}`)
    console.log(`VAPID_PRIVATE_KEY=${keys.privateKey}`)
    console.log('VAPID_SUBJECT=mailto:contact@votre-collectivite.fr')
  }
}
