import { BaseMail } from '@adonisjs/mail'
import { ROLE_LABELS } from '#kernel/tenancy/permissions'
import type { Role } from '#kernel/modules/manifest'

/**
 * Invitation to the back-office: a one-time link to choose a name and a password, or (for an
 * agent who already has an account) a notice that they now hold a role in another authority.
 */
export default class AgentInvitationMail extends BaseMail {
  subject: string

  constructor(
    readonly email: string,
    readonly collectivityName: string,
    readonly role: Role,
    readonly url: string,
    readonly alreadyActive: boolean
  ) {
    super()
    this.subject = `Invitation à administrer ${collectivityName} sur Bastide`
  }

  prepare() {
    const data = {
      collectivityName: this.collectivityName,
      roleLabel: ROLE_LABELS[this.role],
      url: this.url,
      alreadyActive: this.alreadyActive,
    }
    this.message
      .to(this.email)
      .htmlView('emails/agent_invitation', data)
      .textView('emails/agent_invitation_text', data)
  }
}
