import type { HttpContext } from '@adonisjs/core/http'
import AgentToken from '#kernel/accounts/models/agent_token'
import AcceptInvitation, { INVALID_LINK_MESSAGE } from '#kernel/accounts/actions/accept_invitation'
import { acceptInvitationValidator } from '#kernel/accounts/validators/back_office'
import { DomainError } from '#kernel/http/errors'
import { openAgentSession } from '#kernel/accounts/agent_sessions'

export default class InvitationsController {
  async show({ params, inertia }: HttpContext) {
    const invitation = await AgentToken.findValid('invitation', params.token)
    if (!invitation) throw new DomainError('E_INVALID_TOKEN', INVALID_LINK_MESSAGE, 410)
    return inertia.render('auth/accept_invitation', {
      token: params.token,
      email: invitation.agent.email,
    })
  }

  async store(ctx: HttpContext) {
    const { params, request, response, session } = ctx
    const input = await request.validateUsing(acceptInvitationValidator)
    const agent = await new AcceptInvitation().handle({
      token: params.token,
      ...input,
      ip: request.ip(),
    })
    await openAgentSession(ctx, agent)
    session.flash('success', 'Bienvenue sur Bastide !')
    return response.redirect('/')
  }
}
