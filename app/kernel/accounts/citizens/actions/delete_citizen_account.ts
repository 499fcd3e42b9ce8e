import hash from '@adonisjs/core/services/hash'
import db from '@adonisjs/lucid/services/db'
import Citizen from '#kernel/accounts/models/citizen'
import { DomainError } from '#kernel/http/errors'
import type { ModuleManifest } from '#kernel/modules/manifest'
import { modules as registeredModules } from '#kernel/modules/registry'
import { forgetOneTimeTokens } from '#kernel/accounts/citizens/one_time_tokens'
import DeleteMedia from '#kernel/media/actions/delete_media'
import CitizenPushSubscriptions from '#kernel/push/actions/citizen_push_subscriptions'

/**
 * Deletes a citizen's account and everything personal the modules hold (GDPR right to erasure),
 * after the password is confirmed. One transaction: each module's `gdpr.erase` (delete or
 * anonymise), then their uploads, their push subscriptions, the tokens, then the account; a failure anywhere changes
 * nothing. The uploads' files (originals and variants) are removed once it has committed.
 */
export default class DeleteCitizenAccount {
  constructor(private modules: ModuleManifest[] = registeredModules) {}

  async handle(citizen: Citizen, input: { password: string }): Promise<void> {
    if (!(await hash.verify(citizen.password, input.password))) {
      throw new DomainError('E_INVALID_PASSWORD', 'Mot de passe incorrect', 422, 'password')
    }

    await db.transaction(async (trx) => {
      for (const module of this.modules) {
        if (module.gdpr) await module.gdpr.erase(citizen.id, trx)
      }
      await new DeleteMedia().uploadedByCitizen(citizen.id, trx)
      await new CitizenPushSubscriptions().erase(citizen.id, trx)
      await trx.from('citizen_access_tokens').where('tokenable_id', citizen.id).delete()
      await forgetOneTimeTokens(citizen.id, trx)
      await Citizen.query({ client: trx }).where('id', citizen.id).delete()
    })
  }
}
