import { BaseMail } from '@adonisjs/mail'
import { citizenAppLink } from '#kernel/accounts/citizens/links'
import { citizenMailBodies } from '#kernel/accounts/citizens/mails/citizen_mail_layout'

/** A one-time link to choose a new password (valid one hour). */
export default class CitizenPasswordResetMail extends BaseMail {
  subject = 'Nouveau mot de passe pour votre compte Bastide'

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
      paragraph: 'Une demande de nouveau mot de passe a été faite pour votre compte Bastide.',
      action: 'Choisir un nouveau mot de passe',
      url: citizenAppLink('/app/nouveau-mot-de-passe', this.token),
      token: this.token,
      footer:
        'Ce lien est valable une heure. Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
    })
    this.message.to(this.email).html(html).text(text)
  }
}
