import db from '@adonisjs/lucid/services/db'
import Membership from '#kernel/accounts/models/membership'
import type Tenant from '#kernel/tenancy/tenant'
import { audit } from '#kernel/accounts/actions/record_audit'
import { endEveryAgentSession } from '#kernel/accounts/agent_sessions'
import { assertAnotherAdmin } from '#kernel/accounts/actions/change_member_role'

/**
 * Takes an agent's role in the current authority away (the agent keeps their account and
 * their other authorities). Every open session of theirs ends at once.
 */
export default class RemoveMember {
  async handle(tenant: Tenant, input: { membershipId: number; ip?: string | null }) {
    await db.transaction(async (trx) => {
      const membership = await Membership.findOwnedOrFail(tenant, input.membershipId, trx)
      await assertAnotherAdmin(membership, trx)
      await membership.delete()
      await endEveryAgentSession(membership.agentId, trx)
      await audit(
        {
          agent: tenant.agent,
          collectivityId: tenant.collectivityId,
          action: 'membership.removed',
          subject: { type: 'agent', id: membership.agentId },
          before: { role: membership.role },
          ip: input.ip,
        },
        trx
      )
    })
  }
}
