import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import mail from '@adonisjs/mail/services/main'
import Citizen, { normalizeEmail } from '#kernel/accounts/models/citizen'
import { issueOneTimeToken } from '#kernel/accounts/citizens/one_time_tokens'
import { findHomeCommune } from '#kernel/accounts/citizens/actions/find_home_commune'
import { withEvenTiming } from '#kernel/accounts/even_timing'
import CitizenEmailVerificationMail from '#kernel/accounts/citizens/mails/citizen_email_verification_mail'
import CitizenAccountExistsMail from '#kernel/accounts/citizens/mails/citizen_account_exists_mail'

export interface RegisterCitizenInput {
  email: string
  password: string
  displayName: string
  homeCommuneCode?: string | null
}

/** What happened; the API answers both alike (only the mailbox learns which). */
export type RegistrationOutcome = 'created' | 'already_registered'

/** Above a password hash plus a few queries, so both branches answer after the same time. */
export const REGISTRATION_MINIMUM_MS = 400

/**
 * Creates a citizen account (e-mail not yet verified) and mails the verification link; for an
 * address that already has an account, mails "you already have an account" instead. Both
 * answer alike and in about the same time (the password is hashed either way), so registering
 * cannot tell who has an account. The account and its token are written together; the mail
 * leaves once they are committed.
 */
export default class RegisterCitizen {
  async handle(input: RegisterCitizenInput): Promise<RegistrationOutcome> {
    return withEvenTiming(REGISTRATION_MINIMUM_MS, () => this.register(input))
  }

  private async register(input: RegisterCitizenInput): Promise<RegistrationOutcome> {
    const email = normalizeEmail(input.email)
    const outcome = await db.transaction(async (trx) => {
      const commune = input.homeCommuneCode
        ? await findHomeCommune(input.homeCommuneCode, trx)
        : null
      const existing = await Citizen.query({ client: trx })
        .whereRaw('lower(email) = ?', [email])
        .first()
      if (existing) {
        await hash.make(input.password)
        return { existing }
      }
      const created = await Citizen.create(
        {
          email,
          password: input.password,
          displayName: input.displayName,
          homeCommuneId: commune?.id ?? null,
          emailVerifiedAt: null,
        },
        { client: trx }
      ).catch((error) => {
        // Two registrations racing for one address: the unique index decides, quietly.
        if (error?.code === '23505') return null
        throw error
      })
      if (!created) return { existing: null }
      return { created, token: await issueOneTimeToken(created.id, 'verify_email', trx) }
    })

    if ('created' in outcome && outcome.created) {
      const { created, token } = outcome
      await mail.sendLater(
        new CitizenEmailVerificationMail(created.email, created.displayName, token)
      )
      return 'created'
    }
    if (outcome.existing) {
      await mail.sendLater(
        new CitizenAccountExistsMail(outcome.existing.email, outcome.existing.displayName)
      )
    }
    return 'already_registered'
  }
}
