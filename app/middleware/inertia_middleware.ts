import type { HttpContext } from '@adonisjs/core/http'
import BaseInertiaMiddleware from '@adonisjs/inertia/inertia_middleware'
import { ROLE_LABELS } from '#kernel/tenancy/permissions'

/**
 * Inertia on the back-office routes only (see `backOffice()` in start/kernel.ts). Shares the
 * signed-in agent, the current authority and what the agent may do there with every page.
 */
export default class InertiaMiddleware extends BaseInertiaMiddleware {
  share(ctx: HttpContext) {
    const agent = ctx.auth?.use('web').user
    const tenant = ctx.tenant
    return {
      errors: ctx.inertia.always(this.getValidationErrors(ctx)),
      agent: () =>
        agent
          ? {
              id: agent.id,
              email: agent.email,
              fullName: agent.fullName,
              isSuperAdmin: agent.isSuperAdmin,
            }
          : null,
      authority: () =>
        tenant
          ? {
              id: tenant.collectivity.id,
              name: tenant.collectivity.name,
              kind: tenant.collectivity.kind,
              role: tenant.role,
              roleLabel: tenant.role ? ROLE_LABELS[tenant.role] : 'Super-administrateur',
              colour: tenant.collectivity.branding?.colour ?? null,
              // Switched-on features: the navigation shows a module's entries only then.
              features: Object.entries(tenant.collectivity.modules ?? {})
                .filter(([, state]) => state.enabled)
                .map(([key]) => key),
              can: {
                manageAgents: tenant.can('agents.manage'),
                manageModules: tenant.can('modules.manage'),
                readAudit: tenant.can('audit.read'),
              },
            }
          : null,
    }
  }

  flash(ctx: HttpContext) {
    return {
      success: ctx.session?.flashMessages.get('success') ?? null,
      error: ctx.session?.flashMessages.get('error') ?? null,
    }
  }

  async handle(ctx: HttpContext, next: () => Promise<void>) {
    await this.init(ctx)
    const output = await next()
    this.dispose(ctx)
    return output
  }
}

declare module '@adonisjs/inertia/types' {
  export interface InertiaPages {
    [page: string]: Record<string, any>
  }
}
