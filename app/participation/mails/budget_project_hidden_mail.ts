import { BaseMail } from '@adonisjs/mail'

/** Tells the author of a proposal that it was hidden, and why. */
export default class BudgetProjectHiddenMail extends BaseMail {
  subject = 'Votre proposition au budget participatif a été masquée'

  constructor(
    readonly email: string,
    readonly displayName: string,
    readonly title: string,
    readonly reason: string
  ) {
    super()
  }

  prepare() {
    const text = `Bonjour ${this.displayName},\n\nVotre proposition « ${this.title} » a été masquée par la modération.\n\nMotif : ${this.reason}\n\nVous pouvez en proposer une nouvelle tant que la phase des propositions est ouverte.`
    const escape = (value: string) => value.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
    this.message
      .to(this.email)
      .text(text)
      .html(`<p>${escape(text).replace(/\n\n/g, '</p><p>')}</p>`)
  }
}
