import { BaseMail } from '@adonisjs/mail'
import { citizenAppLink } from '#kernel/accounts/citizens/links'
import { citizenMailBodies } from '#kernel/accounts/citizens/mails/citizen_mail_layout'

/** Sent at registration and on request: proves the citizen reads this mailbox (valid 48 h). */
export default class CitizenEmailVerificationMail extends BaseMail {
  subject = 'Confirmez votre adresse e-mail sur Bastide'

  constructor(
    readonly email: string,
    readonly displayName: string,
    readonly token: string
  ) {
    super()
  }

  prepare() {
    const { html, text } = citizenMailBodies({
      displayName: this.displayName,
      paragraph: 'Pour activer votre compte Bastide, confirmez votre adresse e-mail.',
      action: 'Confirmer mon adresse',
      url: citizenAppLink('/app/verifier-email', this.token),
      token: this.token,
      footer:
        'Ce lien est valable 48 heures. Si vous n’avez pas créé de compte, ignorez ce message.',
    })
    this.message.to(this.email).html(html).text(text)
  }
}
