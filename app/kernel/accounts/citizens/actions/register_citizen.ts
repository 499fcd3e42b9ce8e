import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import Citizen, { normalizeEmail } from '#kernel/accounts/models/citizen'
import { DomainError } from '#kernel/http/errors'
import { issueOneTimeToken } from '#kernel/accounts/citizens/one_time_tokens'
import { findHomeCommune } from '#kernel/accounts/citizens/actions/find_home_commune'
import CitizenEmailVerificationMail from '#kernel/accounts/citizens/mails/citizen_email_verification_mail'

export interface RegisterCitizenInput {
  email: string
  password: string
  displayName: string
  homeCommuneCode?: string | null
}

const emailTaken = () =>
  new DomainError('E_EMAIL_TAKEN', 'Un compte existe déjà avec cette adresse e-mail', 409, 'email')

/**
 * Creates a citizen account (e-mail not yet verified) and mails the verification link. The
 * account and its token are written together; the mail leaves once they are committed.
 */
export default class RegisterCitizen {
  async handle(input: RegisterCitizenInput): Promise<Citizen> {
    const email = normalizeEmail(input.email)
    const { citizen, token } = await db.transaction(async (trx) => {
      const existing = await Citizen.query({ client: trx })
        .whereRaw('lower(email) = ?', [email])
        .first()
      if (existing) throw emailTaken()

      const commune = input.homeCommuneCode
        ? await findHomeCommune(input.homeCommuneCode, trx)
        : null
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
        // Two registrations racing for one address: the unique index decides.
        if (error?.code === '23505') throw emailTaken()
        throw error
      })
      return { citizen: created, token: await issueOneTimeToken(created.id, 'verify_email', trx) }
    })

    await mail.sendLater(
      new CitizenEmailVerificationMail(citizen.email, citizen.displayName, token)
    )
    return citizen
  }
}
