import type { HttpContext } from '@adonisjs/core/http'
import AuthenticateAgent from '#kernel/accounts/actions/authenticate_agent'
import { audit } from '#kernel/accounts/actions/record_audit'
import { loginValidator } from '#kernel/accounts/validators/back_office'

export default class SessionController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/login', {})
  }

  async store({ request, auth, response }: HttpContext) {
    const { email, password } = await request.validateUsing(loginValidator)
    const agent = await new AuthenticateAgent().handle({ email, password, ip: request.ip() })
    await auth.use('web').login(agent)
    return response.redirect('/')
  }

  async destroy({ auth, request, response, session }: HttpContext) {
    const agent = auth.use('web').user
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
