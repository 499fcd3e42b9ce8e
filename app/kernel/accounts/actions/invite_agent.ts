import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import logger from '@adonisjs/core/services/logger'
import Agent from '#kernel/accounts/models/agent'
import AgentToken from '#kernel/accounts/models/agent_token'
import Membership from '#kernel/accounts/models/membership'
import Collectivity from '#kernel/territories/models/collectivity'
import AgentInvitationMail from '#kernel/accounts/mails/agent_invitation_mail'
import { audit } from '#kernel/accounts/actions/record_audit'
import { backOfficeUrl } from '#kernel/accounts/app_url'
import { ROLE_LABELS, isRole } from '#kernel/tenancy/permissions'
import { assertAnotherAdmin } from '#kernel/accounts/actions/change_member_role'
import type { Role } from '#kernel/modules/manifest'
import { DomainError, NotFoundError } from '#kernel/http/errors'

export interface InviteAgentInput {
  email: string
  collectivityId: number
  role: Role
  /**
   * Whether the caller confirmed changing the role of someone who is already a member (the
   * admin ticked « Confirmer le changement de rôle », or `--change-role` on the CLI). Without
   * it, inviting a member under another role is refused: a role never changes silently.
   */
  confirmRoleChange?: boolean
  /** The admin who invites; null/absent from the CLI. */
  invitedBy?: Agent | null
  ip?: string | null
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/

/**
 * Gives an agent a role in an authority and mails them. A new agent (or one who never accepted)
 * gets a one-time invitation link to choose a name and a password; an agent who already has an
 * account is told by mail and the returned URL is the login page. Inviting again under the
 * same role re-issues the link (the previous one stops working). Inviting a member under another
 * role is refused unless `confirmRoleChange`, and even then the last admin is never demoted.
 */
export default class InviteAgent {
  async handle(input: InviteAgentInput): Promise<{ agent: Agent; invitationUrl: string }> {
    const email = Agent.normalizeEmail(String(input.email ?? ''))
    if (!EMAIL.test(email) || email.length > 254) {
      throw new DomainError('E_INVALID_EMAIL', 'Adresse e-mail invalide', 422, 'email')
    }
    if (!isRole(input.role)) {
      throw new DomainError(
        'E_INVALID_ROLE',
        'Rôle inconnu (admin, editor ou moderator)',
        422,
        'role'
      )
    }
    const collectivity = await Collectivity.find(input.collectivityId)
    if (!collectivity)
      throw new NotFoundError('Collectivité introuvable', 'E_COLLECTIVITY_NOT_FOUND')

    const result = await db.transaction(async (trx) => {
      const agent = await Agent.firstOrCreate(
        { email },
        { email, isSuperAdmin: false },
        { client: trx }
      )
      const membership = await Membership.query({ client: trx })
        .where({ agentId: agent.id, collectivityId: collectivity.id })
        .forUpdate()
        .first()
      const before = membership ? { role: membership.role } : null
      if (!membership) {
        await Membership.create(
          { agentId: agent.id, collectivityId: collectivity.id, role: input.role },
          { client: trx }
        )
      } else if (membership.role !== input.role) {
        if (!input.confirmRoleChange) {
          throw new DomainError(
            'E_ALREADY_MEMBER',
            `${email} est déjà ${ROLE_LABELS[membership.role].toLowerCase()} de ${collectivity.name}. ` +
              `Confirmez pour lui donner le rôle ${ROLE_LABELS[input.role].toLowerCase()}.`,
            409,
            'confirmRoleChange'
          )
        }
        if (input.role !== 'admin') await assertAnotherAdmin(membership, trx)
        membership.role = input.role
        await membership.save()
      }
      const alreadyActive = Boolean(agent.password)
      const invitationUrl = alreadyActive
        ? backOfficeUrl('/login')
        : backOfficeUrl(`/invitations/${await AgentToken.issue(agent, 'invitation', trx)}`)
      await audit(
        {
          agent: input.invitedBy ?? null,
          collectivityId: collectivity.id,
          action: 'agent.invited',
          subject: { type: 'agent', id: agent.id },
          before,
          after: { email, role: input.role },
          ip: input.ip,
        },
        trx
      )
      return { agent, invitationUrl, alreadyActive }
    })

    // Mailed after the commit: a mail server failure must not undo the invitation, whose link
    // the caller (admin screen, CLI) still holds.
    try {
      await mail.send(
        new AgentInvitationMail(
          email,
          collectivity.name,
          input.role,
          result.invitationUrl,
          result.alreadyActive
        )
      )
    } catch (error) {
      logger.warn({ err: error, email }, 'invitation mail could not be sent')
    }
    return { agent: result.agent, invitationUrl: result.invitationUrl }
  }
}
