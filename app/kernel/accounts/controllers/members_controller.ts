import type { HttpContext } from '@adonisjs/core/http'
import InviteAgent from '#kernel/accounts/actions/invite_agent'
import ListMembers from '#kernel/accounts/actions/list_members'
import ChangeMemberRole from '#kernel/accounts/actions/change_member_role'
import RemoveMember from '#kernel/accounts/actions/remove_member'
import { changeRoleValidator, inviteValidator } from '#kernel/accounts/validators/back_office'
import { ROLE_LABELS } from '#kernel/tenancy/permissions'

/** Agents & roles of the current authority (admins). */
export default class MembersController {
  async index({ bouncer, tenant, inertia }: HttpContext) {
    await bouncer.authorize('act', 'agents.manage')
    return inertia.render('agents/index', {
      members: await new ListMembers().handle(tenant),
      roles: Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label })),
    })
  }

  async store({ bouncer, tenant, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'agents.manage')
    const { email, role, confirmRoleChange } = await request.validateUsing(inviteValidator)
    await new InviteAgent().handle({
      email,
      role,
      confirmRoleChange,
      collectivityId: tenant.collectivityId,
      invitedBy: tenant.agent,
      ip: request.ip(),
    })
    session.flash('success', `Invitation envoyée à ${email}.`)
    return response.redirect('/agents')
  }

  async update({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'agents.manage')
    const { role } = await request.validateUsing(changeRoleValidator)
    await new ChangeMemberRole().handle(tenant, { membershipId: params.id, role, ip: request.ip() })
    session.flash('success', 'Rôle modifié.')
    return response.redirect('/agents')
  }

  async destroy({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'agents.manage')
    await new RemoveMember().handle(tenant, { membershipId: params.id, ip: request.ip() })
    session.flash('success', 'Agent retiré de la collectivité.')
    return response.redirect('/agents')
  }
}
