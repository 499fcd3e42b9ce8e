import { BasePolicy } from '@adonisjs/bouncer'
import { tenantOf } from '#kernel/tenancy/tenant'

/**
 * Base of every module's Bouncer policy. `holds` checks a manifest ability for the agent's role
 * in the current authority (super-admins hold every ability); `owns` checks that a row belongs
 * to the current authority. A write needs both: an EPCI agent holds `info.publish` in the EPCI,
 * yet never edits a commune's row, because the row is not the EPCI's.
 *
 *   export default class NewsPolicy extends TenantPolicy {
 *     update(agent: Agent, news: News) { return this.holds(agent, 'info.publish') && this.owns(agent, news) }
 *   }
 *
 * Reads through `Model.findOwnedOrFail(ctx.tenant, id)` already answer 404 for another
 * authority's row; the policy adds the role check and guards rows reached otherwise.
 */
export default abstract class TenantPolicy extends BasePolicy {
  protected holds(agent: object, ability: string): boolean {
    return tenantOf(agent)?.can(ability) ?? false
  }

  protected owns(agent: object, row: { collectivityId: number }): boolean {
    return tenantOf(agent)?.owns(row) ?? false
  }

  protected holdsFor(agent: object, ability: string, row: { collectivityId: number }): boolean {
    return this.holds(agent, ability) && this.owns(agent, row)
  }
}
