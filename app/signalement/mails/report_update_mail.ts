import { BaseMail } from '@adonisjs/mail'
import { escapeHtml } from '#kernel/accounts/citizens/mails/citizen_mail_layout'

/**
 * To the reporter, on each public step of their report (a new status, a hidden photo): what
 * changed and the authority's public message, if any.
 */
export default class ReportUpdateMail extends BaseMail {
  subject: string

  constructor(
    readonly email: string,
    readonly displayName: string,
    readonly reportId: number,
    readonly headline: string,
    readonly publicMessage: string | null
  ) {
    super()
    this.subject = `Votre signalement n° ${reportId} : ${headline}`
  }

  prepare() {
    const lines = [
      `Bonjour ${this.displayName},`,
      '',
      `Votre signalement n° ${this.reportId} : ${this.headline}.`,
      ...(this.publicMessage ? ['', this.publicMessage] : []),
      '',
      'Merci de votre participation.',
    ]
    const html = `<!doctype html>
<html lang="fr"><body style="font-family: sans-serif; line-height: 1.5">
${lines
  .filter(Boolean)
  .map((line) => `<p>${escapeHtml(line)}</p>`)
  .join('\n')}
</body></html>`
    this.message.to(this.email).html(html).text(lines.join('\n'))
  }
}
