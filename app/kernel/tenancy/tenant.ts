import type Agent from '#kernel/accounts/models/agent'
import type Collectivity from '#kernel/territories/models/collectivity'
import type { Role } from '#kernel/modules/manifest'
import { roleGrants } from '#kernel/tenancy/permissions'

/**
 * The authority an agent acts for during one back-office request, and with which role.
 * Resolved by the tenancy middleware and exposed as `ctx.tenant`. A super-admin acting for an
 * authority where they hold no membership has `role === null` and every ability.
 */
export default class Tenant {
  constructor(
    readonly agent: Agent,
    readonly collectivity: Collectivity,
    readonly role: Role | null
  ) {}

  get collectivityId(): number {
    return this.collectivity.id
  }

  get isSuperAdmin(): boolean {
    return this.agent.isSuperAdmin
  }

  /** Whether the agent holds `ability` (declared in a manifest's permissions) here. */
  can(ability: string): boolean {
    if (this.agent.isSuperAdmin) return true
    return this.role !== null && roleGrants(this.role, ability)
  }

  /** Whether a tenant row belongs to the current authority (writes never reach further). */
  owns(row: { collectivityId: number }): boolean {
    return row.collectivityId === this.collectivity.id
  }
}

/** The current authority of a Bouncer user: set on agents by the tenancy middleware only. */
export function tenantOf(user: object | null | undefined): Tenant | undefined {
  const tenant = (user as { tenant?: unknown } | null | undefined)?.tenant
  return tenant instanceof Tenant ? tenant : undefined
}
