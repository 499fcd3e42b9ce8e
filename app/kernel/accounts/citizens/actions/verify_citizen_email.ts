import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import Citizen from '#kernel/accounts/models/citizen'
import { consumeOneTimeToken } from '#kernel/accounts/citizens/one_time_tokens'

/** Marks the citizen's address verified with the token mailed to it (single use). */
export default class VerifyCitizenEmail {
  async handle(input: { token: string }): Promise<Citizen> {
    return db.transaction(async (trx) => {
      const citizenId = await consumeOneTimeToken(input.token, 'verify_email', trx)
      const citizen = await Citizen.findOrFail(citizenId, { client: trx })
      citizen.emailVerifiedAt ??= DateTime.now()
      await citizen.save()
      return citizen
    })
  }
}
