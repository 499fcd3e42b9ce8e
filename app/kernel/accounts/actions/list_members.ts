import Membership from '#kernel/accounts/models/membership'
import type Tenant from '#kernel/tenancy/tenant'

/** The agents of the current authority with their role, by name. */
export default class ListMembers {
  async handle(tenant: Tenant) {
    const memberships = await Membership.ownedBy(tenant)
      .join('agents', 'agents.id', 'memberships.agent_id')
      .select('memberships.*')
      .orderByRaw('coalesce(agents.full_name, agents.email)')
      .preload('agent')
    return memberships.map((membership) => ({
      id: membership.id,
      role: membership.role,
      agentId: membership.agentId,
      email: membership.agent.email,
      fullName: membership.agent.fullName,
      pending: !membership.agent.password,
    }))
  }
}
