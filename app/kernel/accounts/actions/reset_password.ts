import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import AgentToken from '#kernel/accounts/models/agent_token'
import type Agent from '#kernel/accounts/models/agent'
import { audit } from '#kernel/accounts/actions/record_audit'
import { DomainError } from '#kernel/http/errors'

/** Sets a new password from a mailed reset link; the link is spent. */
export default class ResetPassword {
  async handle(input: { token: string; password: string; ip?: string | null }): Promise<Agent> {
    return db.transaction(async (trx) => {
      const reset = await AgentToken.findValid('password_reset', input.token, trx)
      if (!reset) {
        throw new DomainError(
          'E_INVALID_TOKEN',
          'Ce lien est invalide, déjà utilisé ou expiré. Faites une nouvelle demande.',
          410
        )
      }
      const agent = reset.agent
      agent.useTransaction(trx)
      agent.password = input.password
      await agent.save()
      reset.useTransaction(trx)
      reset.usedAt = DateTime.now()
      await reset.save()
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
