import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Agent from '#kernel/accounts/models/agent'
import { audit } from '#kernel/accounts/actions/record_audit'
import { endEveryAgentSession } from '#kernel/accounts/agent_sessions'
import { DomainError, NotFoundError } from '#kernel/http/errors'

export interface SetSuperAdminInput {
  email: string
  /** true grants the département-wide super-admin, false revokes it. */
  superAdmin: boolean
  /** Who does it; null/absent from the CLI or a seeder. */
  by?: Agent | null
  ip?: string | null
}

export interface SetSuperAdminResult {
  agent: Agent
  /** false when the agent already was (or already was not) a super-admin. */
  changed: boolean
}

/**
 * Grants or revokes the département-wide super-admin of an existing agent, audited. The last
 * super-admin cannot be revoked: the failed jobs and every authority would be left without
 * anyone able to reach them from the back-office.
 */
export default class SetSuperAdmin {
  async handle(input: SetSuperAdminInput): Promise<SetSuperAdminResult> {
    const email = Agent.normalizeEmail(String(input.email ?? ''))
    return db.transaction(async (trx) => {
      const agent = input.superAdmin
        ? await Agent.query({ client: trx }).where('email', email).forUpdate().first()
        : await this.lockSuperAdminsAndFind(email, trx)
      if (!agent) {
        throw new NotFoundError(
          `Aucun agent « ${email} » : invitez-le d'abord (agent:invite)`,
          'E_AGENT_NOT_FOUND'
        )
      }
      if (agent.isSuperAdmin === input.superAdmin) return { agent, changed: false }

      agent.isSuperAdmin = input.superAdmin
      await agent.save()
      if (!input.superAdmin) await endEveryAgentSession(agent.id, trx)
      await audit(
        {
          agent: input.by ?? null,
          action: input.superAdmin ? 'agent.super_admin_granted' : 'agent.super_admin_revoked',
          subject: { type: 'agent', id: agent.id },
          before: { is_super_admin: !input.superAdmin },
          after: { email, is_super_admin: input.superAdmin },
          ip: input.ip,
        },
        trx
      )
      return { agent, changed: true }
    })
  }

  /**
   * Locks every super-admin (in id order, so that two concurrent revocations queue up instead
   * of deadlocking) and the agent named; refuses to revoke the only one left. The second of two
   * concurrent revocations sees the first one's change once it gets the locks.
   */
  private async lockSuperAdminsAndFind(email: string, trx: TransactionClientContract) {
    const locked = await Agent.query({ client: trx })
      .where((query) => query.where('is_super_admin', true).orWhere('email', email))
      .orderBy('id')
      .forUpdate()
    const agent = locked.find((candidate) => candidate.email === email)
    const superAdmins = locked.filter((candidate) => candidate.isSuperAdmin)
    if (agent?.isSuperAdmin && superAdmins.length === 1) {
      throw new DomainError(
        'E_LAST_SUPER_ADMIN',
        'Impossible de retirer le dernier super-administrateur : nommez-en un autre d’abord.',
        422,
        'email'
      )
    }
    return agent
  }
}
