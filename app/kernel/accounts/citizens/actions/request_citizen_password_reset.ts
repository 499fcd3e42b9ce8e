import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import Citizen, { normalizeEmail } from '#kernel/accounts/models/citizen'
import { issueOneTimeToken } from '#kernel/accounts/citizens/one_time_tokens'
import { withEvenTiming } from '#kernel/accounts/even_timing'
import CitizenPasswordResetMail from '#kernel/accounts/citizens/mails/citizen_password_reset_mail'

/** Above a token written in a transaction and a mail queued (the slower branch). */
export const PASSWORD_RESET_MINIMUM_MS = 200

/**
 * Mails a password-reset link when the address belongs to a citizen, and does nothing
 * otherwise: the caller answers the same in both cases, and after the same time, so nobody
 * learns who has an account.
 */
export default class RequestCitizenPasswordReset {
  async handle(input: { email: string }): Promise<void> {
    return withEvenTiming(PASSWORD_RESET_MINIMUM_MS, () => this.request(input))
  }

  private async request(input: { email: string }): Promise<void> {
    const citizen = await Citizen.query()
      .whereRaw('lower(email) = ?', [normalizeEmail(input.email)])
      .first()
    if (!citizen) return
    const token = await db.transaction((trx) =>
      issueOneTimeToken(citizen.id, 'reset_password', trx)
    )
    await mail.sendLater(new CitizenPasswordResetMail(citizen.email, citizen.displayName, token))
  }
}
