import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import type Citizen from '#kernel/accounts/models/citizen'
import { DomainError } from '#kernel/http/errors'
import { issueOneTimeToken } from '#kernel/accounts/citizens/one_time_tokens'
import CitizenEmailVerificationMail from '#kernel/accounts/citizens/mails/citizen_email_verification_mail'

/** Mails a fresh verification link (the previous one stops working). */
export default class SendCitizenVerificationEmail {
  async handle(citizen: Citizen): Promise<void> {
    if (citizen.isEmailVerified) {
      throw new DomainError(
        'E_EMAIL_ALREADY_VERIFIED',
        'Votre adresse e-mail est déjà vérifiée',
        409
      )
    }
    const token = await db.transaction((trx) => issueOneTimeToken(citizen.id, 'verify_email', trx))
    await mail.sendLater(
      new CitizenEmailVerificationMail(citizen.email, citizen.displayName, token)
    )
  }
}
