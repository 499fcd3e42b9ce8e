/*
| Bouncer abilities shared by every module. Policies live beside what they protect and extend
| TenantPolicy (#kernel/tenancy/tenant_policy).
*/
import { Bouncer } from '@adonisjs/bouncer'
import { tenantOf } from '#kernel/tenancy/tenant'

/**
 * Whether the agent holds a manifest ability (e.g. `info.publish`) in the authority they act
 * for: `await bouncer.authorize('act', 'info.publish')`. Super-admins hold every ability.
 * Anyone without a current authority (a citizen, a guest) holds none.
 */
export const act = Bouncer.ability(
  (user: object, ability: string) => tenantOf(user)?.can(ability) ?? false
)
