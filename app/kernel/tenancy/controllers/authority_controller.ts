import type { HttpContext } from '@adonisjs/core/http'
import ListAuthorities from '#kernel/tenancy/actions/list_authorities'
import ResolveTenant from '#kernel/tenancy/actions/resolve_tenant'
import { AUTHORITY_SESSION_KEY } from '#middleware/tenant_middleware'
import {
  authoritySearchValidator,
  switchAuthorityValidator,
} from '#kernel/accounts/validators/back_office'
import { ForbiddenError } from '#kernel/http/errors'

/** The authority switcher. */
export default class AuthorityController {
  /** The authorities the agent may switch to (super-admins: search among all onboarded). */
  async index({ request, tenant }: HttpContext) {
    const { q } = await request.validateUsing(authoritySearchValidator, { data: request.qs() })
    return { authorities: await new ListAuthorities().handle(tenant.agent, q) }
  }

  async update({ request, tenant, session, response }: HttpContext) {
    const { collectivityId } = await request.validateUsing(switchAuthorityValidator)
    const next = await new ResolveTenant().forAuthority(tenant.agent, collectivityId)
    if (!next) throw new ForbiddenError("Vous n'avez pas de rôle dans cette collectivité")
    session.put(AUTHORITY_SESSION_KEY, next.collectivityId)
    session.flash('success', `Vous agissez maintenant pour ${next.collectivity.name}.`)
    return response.redirect('/')
  }
}
