import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import AgentToken from '#kernel/accounts/models/agent_token'
import type Agent from '#kernel/accounts/models/agent'
import { audit } from '#kernel/accounts/actions/record_audit'
import { DomainError } from '#kernel/http/errors'

export const INVALID_LINK_MESSAGE =
  'Ce lien est invalide, déjà utilisé ou expiré. Demandez une nouvelle invitation.'

/**
 * Completes an invitation: the agent chooses their name and password; the link is spent.
 * The password is hashed by the Agent model (withAuthFinder).
 */
export default class AcceptInvitation {
  async handle(input: {
    token: string
    fullName: string
    password: string
    ip?: string | null
  }): Promise<Agent> {
    return db.transaction(async (trx) => {
      const invitation = await AgentToken.findValid('invitation', input.token, trx)
      if (!invitation) throw new DomainError('E_INVALID_TOKEN', INVALID_LINK_MESSAGE, 410)
      const agent = invitation.agent
      agent.useTransaction(trx)
      agent.fullName = input.fullName.trim()
      agent.password = input.password
      await agent.save()
      invitation.useTransaction(trx)
      invitation.usedAt = DateTime.now()
      await invitation.save()
      await audit(
        {
          agent,
          action: 'agent.invitation_accepted',
          subject: { type: 'agent', id: agent.id },
          ip: input.ip,
        },
        trx
      )
      return agent
    })
  }
}
