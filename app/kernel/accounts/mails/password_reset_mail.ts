import { BaseMail } from '@adonisjs/mail'

/** A one-time link to choose a new password (valid one hour). */
export default class PasswordResetMail extends BaseMail {
  subject = 'Réinitialisation de votre mot de passe Bastide'

  constructor(
    readonly email: string,
    readonly url: string
  ) {
    super()
  }

  prepare() {
    const data = { url: this.url }
    this.message
      .to(this.email)
      .htmlView('emails/password_reset', data)
      .textView('emails/password_reset_text', data)
  }
}
