import db from '@adonisjs/lucid/services/db'
import AgentToken from '#kernel/accounts/models/agent_token'
import type Agent from '#kernel/accounts/models/agent'
import { audit } from '#kernel/accounts/actions/record_audit'
import { endEveryAgentSession } from '#kernel/accounts/agent_sessions'

/**
 * Sets a new password from a mailed reset link; the link is spent, and every open session of
 * the agent ends (whoever knew the old password is signed out).
 */
export default class ResetPassword {
  async handle(input: { token: string; password: string; ip?: string | null }): Promise<Agent> {
    return db.transaction(async (trx) => {
      const agent = await AgentToken.redeem(
        'password_reset',
        input.token,
        trx,
        'Ce lien est invalide, déjà utilisé ou expiré. Faites une nouvelle demande.'
      )
      agent.password = input.password
      await agent.save()
      await endEveryAgentSession(agent.id, trx)
      await audit(
        {
          agent,
          action: 'agent.password_reset',
          subject: { type: 'agent', id: agent.id },
          ip: input.ip,
        },
        trx
      )
      return agent
    })
  }
}
