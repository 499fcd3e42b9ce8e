import type { HttpContext } from '@adonisjs/core/http'
import AgentToken from '#kernel/accounts/models/agent_token'
import RequestPasswordReset from '#kernel/accounts/actions/request_password_reset'
import ResetPassword from '#kernel/accounts/actions/reset_password'
import {
  forgotPasswordValidator,
  resetPasswordValidator,
} from '#kernel/accounts/validators/back_office'
import { DomainError } from '#kernel/http/errors'

export default class PasswordResetController {
  async create({ inertia }: HttpContext) {
    return inertia.render('auth/forgot_password', {})
  }

  async store({ request, response, session }: HttpContext) {
    const { email } = await request.validateUsing(forgotPasswordValidator)
    await new RequestPasswordReset().handle({ email, ip: request.ip() })
    session.flash(
      'success',
      'Si un compte existe pour cette adresse, un lien de réinitialisation vient de lui être envoyé.'
    )
    return response.redirect('/login')
  }

  async edit({ params, inertia }: HttpContext) {
    if (!(await AgentToken.findValid('password_reset', params.token))) {
      throw new DomainError(
        'E_INVALID_TOKEN',
        'Ce lien est invalide, déjà utilisé ou expiré. Faites une nouvelle demande.',
        410
      )
    }
    return inertia.render('auth/reset_password', { token: params.token })
  }

  async update({ params, request, response, session }: HttpContext) {
    const { password } = await request.validateUsing(resetPasswordValidator)
    await new ResetPassword().handle({ token: params.token, password, ip: request.ip() })
    session.flash('success', 'Votre mot de passe a été changé. Vous pouvez vous connecter.')
    return response.redirect('/login')
  }
}
