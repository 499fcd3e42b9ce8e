import type { HttpContext } from '@adonisjs/core/http'
import AuthenticateAgent from '#kernel/accounts/actions/authenticate_agent'
import { audit } from '#kernel/accounts/actions/record_audit'
import { endEveryAgentSession, openAgentSession } from '#kernel/accounts/agent_sessions'
import { loginValidator } from '#kernel/accounts/validators/back_office'

export default class SessionController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/login', {})
  }

  async store(ctx: HttpContext) {
    const { request, response } = ctx
    const { email, password } = await request.validateUsing(loginValidator)
    const agent = await new AuthenticateAgent().handle({ email, password, ip: request.ip() })
    await openAgentSession(ctx, agent)
    return response.redirect('/')
  }

  async destroy({ auth, request, response, session }: HttpContext) {
    const agent = auth.use('web').user
    // Signing out signs out everywhere: every other open session of this agent ends too.
    if (agent) await endEveryAgentSession(agent.id)
    await auth.use('web').logout()
    if (agent)
      await audit({
        agent,
        action: 'agent.logout',
        subject: { type: 'agent', id: agent.id },
        ip: request.ip(),
      })
    session.flash('success', 'Vous êtes déconnecté·e.')
    return response.redirect('/login')
  }
}
