import { BaseMail } from '@adonisjs/mail'
import { escapeHtml } from '#kernel/accounts/citizens/mails/citizen_mail_layout'

/**
 * Sent instead of a verification link when someone registers with an address that already has
 * an account: the API answers both cases alike, and only the mailbox's owner learns the truth.
 */
export default class CitizenAccountExistsMail extends BaseMail {
  subject = 'Vous avez déjà un compte Bastide'

  constructor(
    readonly email: string,
    readonly displayName: string
  ) {
    super()
  }

  prepare() {
    const lines = [
      `Bonjour ${this.displayName},`,
      'Quelqu’un (peut-être vous) a voulu créer un compte Bastide avec cette adresse e-mail, qui en a déjà un.',
      'Connectez-vous dans l’application avec votre mot de passe ; si vous l’avez oublié, choisissez « Mot de passe oublié ».',
      'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien n’a changé sur votre compte.',
    ]
    const html = `<!doctype html>
<html lang="fr"><body style="font-family: sans-serif; line-height: 1.5">
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
</body></html>`
    this.message.to(this.email).html(html).text(lines.join('\n\n'))
  }
}
