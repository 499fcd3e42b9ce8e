import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import ResolveTenant from '#kernel/tenancy/actions/resolve_tenant'
import type Tenant from '#kernel/tenancy/tenant'

/** Session key of the authority chosen in the switcher. */
export const AUTHORITY_SESSION_KEY = 'authorityId'

/**
 * Resolves the authority the signed-in agent acts for (see ResolveTenant) on every request and
 * exposes it as `ctx.tenant` (and `agent.tenant` for Bouncer). Runs after `auth`.
 */
export default class TenantMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const agent = ctx.auth.use('web').getUserOrFail()
    const requested = Number(ctx.session.get(AUTHORITY_SESSION_KEY)) || null
    const tenant = await new ResolveTenant().handle(agent, requested)
    if (!tenant) {
      return ctx.response.status(403).send(await ctx.inertia.render('errors/no_authority', {}))
    }
    if (tenant.collectivityId !== requested)
      ctx.session.put(AUTHORITY_SESSION_KEY, tenant.collectivityId)
    ctx.tenant = tenant
    agent.tenant = tenant
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    /** The current authority and role of the signed-in agent (back-office routes only). */
    tenant: Tenant
  }
}
