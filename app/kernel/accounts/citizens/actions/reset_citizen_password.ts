import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Citizen from '#kernel/accounts/models/citizen'
import { consumeOneTimeToken, forgetOneTimeTokens } from '#kernel/accounts/citizens/one_time_tokens'

/**
 * Sets a new password with a mailed token. Every access token is revoked (whoever held the old
 * password is signed out) and the address counts as verified: the citizen just read its mail.
 */
export default class ResetCitizenPassword {
  async handle(input: { token: string; password: string }): Promise<Citizen> {
    return db.transaction(async (trx) => {
      const citizenId = await consumeOneTimeToken(input.token, 'reset_password', trx)
      const citizen = await Citizen.findOrFail(citizenId, { client: trx })
      citizen.password = input.password
      citizen.emailVerifiedAt ??= DateTime.now()
      await citizen.save()
      await trx.from('citizen_access_tokens').where('tokenable_id', citizen.id).delete()
      await forgetOneTimeTokens(citizen.id, trx)
      return citizen
    })
  }
}
