import type Agent from '#kernel/accounts/models/agent'
import Membership from '#kernel/accounts/models/membership'
import Collectivity from '#kernel/territories/models/collectivity'
import Tenant from '#kernel/tenancy/tenant'

/**
 * The authority an agent acts for: the one requested (from the session) when the agent may act
 * for it, otherwise their first authority. Checked against the memberships on every request,
 * so a removed membership takes effect at once. A super-admin may act for any onboarded
 * authority. Null when the agent has no authority at all.
 */
export default class ResolveTenant {
  async handle(agent: Agent, requestedId?: number | null): Promise<Tenant | null> {
    if (requestedId) {
      const requested = await this.forAuthority(agent, requestedId)
      if (requested) return requested
    }
    const first = await Membership.query()
      .where('agentId', agent.id)
      .join('collectivities', 'collectivities.id', 'memberships.collectivity_id')
      .orderByRaw(
        "CASE collectivities.kind WHEN 'departement' THEN 0 WHEN 'epci' THEN 1 ELSE 2 END"
      )
      .orderBy('collectivities.name')
      .select('memberships.*')
      .preload('collectivity')
      .first()
    if (first) return new Tenant(agent, first.collectivity, first.role)
    if (agent.isSuperAdmin) {
      const departement = await Collectivity.query()
        .where('status', 'onboarded')
        .orderByRaw("CASE kind WHEN 'departement' THEN 0 WHEN 'epci' THEN 1 ELSE 2 END")
        .orderBy('name')
        .first()
      if (departement) return new Tenant(agent, departement, null)
    }
    return null
  }

  /** The tenant for one authority, or null when the agent may not act for it. */
  async forAuthority(agent: Agent, collectivityId: number): Promise<Tenant | null> {
    if (!Number.isSafeInteger(collectivityId)) return null
    const membership = await Membership.query()
      .where({ agentId: agent.id, collectivityId })
      .preload('collectivity')
      .first()
    if (membership) return new Tenant(agent, membership.collectivity, membership.role)
    if (!agent.isSuperAdmin) return null
    const collectivity = await Collectivity.query()
      .where({ id: collectivityId, status: 'onboarded' })
      .first()
    return collectivity ? new Tenant(agent, collectivity, null) : null
  }
}
