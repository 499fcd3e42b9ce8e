import db from '@adonisjs/lucid/services/db'
import AgentToken from '#kernel/accounts/models/agent_token'
import type Agent from '#kernel/accounts/models/agent'
import { audit } from '#kernel/accounts/actions/record_audit'

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
      const agent = await AgentToken.redeem('invitation', input.token, trx, INVALID_LINK_MESSAGE)
      agent.fullName = input.fullName.trim()
      agent.password = input.password
      await agent.save()
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
