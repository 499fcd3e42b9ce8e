import type { HttpContext } from '@adonisjs/core/http'
import RegisterCitizen from '#kernel/accounts/citizens/actions/register_citizen'
import LoginCitizen from '#kernel/accounts/citizens/actions/login_citizen'
import LogoutCitizen from '#kernel/accounts/citizens/actions/logout_citizen'
import VerifyCitizenEmail from '#kernel/accounts/citizens/actions/verify_citizen_email'
import SendCitizenVerificationEmail from '#kernel/accounts/citizens/actions/send_citizen_verification_email'
import RequestCitizenPasswordReset from '#kernel/accounts/citizens/actions/request_citizen_password_reset'
import ResetCitizenPassword from '#kernel/accounts/citizens/actions/reset_citizen_password'
import CheckMailedLink from '#kernel/accounts/citizens/actions/check_mailed_link'
import type { OneTimeTokenPurpose } from '#kernel/accounts/citizens/one_time_tokens'
import { citizenJson } from '#kernel/accounts/citizens/citizen_transformer'
import {
  forgotCitizenPasswordValidator,
  loginCitizenValidator,
  registerCitizenValidator,
  resetCitizenPasswordValidator,
  verifyCitizenEmailValidator,
} from '#kernel/accounts/citizens/validators'

/** `/api/v1/auth`: registration, sign-in and out, e-mail verification, password reset. */
export default class CitizenAuthController {
  async register({ request, response }: HttpContext) {
    const input = await request.validateUsing(registerCitizenValidator)
    // Same answer whether the address is new or already has an account (the mail differs).
    await new RegisterCitizen().handle({
      email: input.email,
      password: input.password,
      displayName: input.display_name,
      homeCommuneCode: input.home_commune_code,
    })
    return response.accepted({
      data: {
        message:
          'Un e-mail vient d’être envoyé à cette adresse : suivez-le pour activer votre compte',
      },
    })
  }

  async login({ request }: HttpContext) {
    const input = await request.validateUsing(loginCitizenValidator)
    const { citizen, token } = await new LoginCitizen().handle({
      email: input.email,
      password: input.password,
      deviceName: input.device_name,
    })
    await citizen.load('homeCommune')
    return {
      data: {
        token: {
          type: 'bearer',
          value: token.value!.release(),
          expires_at: token.expiresAt?.toISOString() ?? null,
        },
        citizen: citizenJson(citizen),
      },
    }
  }

  async logout({ auth, response }: HttpContext) {
    const citizen = auth.use('api').getUserOrFail()
    await new LogoutCitizen().handle(citizen, citizen.currentAccessToken.identifier)
    return response.noContent()
  }

  async verifyEmail({ request }: HttpContext) {
    const input = await request.validateUsing(verifyCitizenEmailValidator)
    const citizen = await new VerifyCitizenEmail().handle(input)
    await citizen.load('homeCommune')
    return { data: citizenJson(citizen) }
  }

  async resendVerification({ auth, response }: HttpContext) {
    await new SendCitizenVerificationEmail().handle(auth.use('api').getUserOrFail())
    return response.accepted({
      data: { message: 'Un nouveau lien de vérification vous a été envoyé' },
    })
  }

  async forgotPassword({ request, response }: HttpContext) {
    const input = await request.validateUsing(forgotCitizenPasswordValidator)
    await new RequestCitizenPasswordReset().handle(input)
    return response.accepted({
      data: {
        message:
          'Si un compte existe avec cette adresse, un lien pour choisir un nouveau mot de passe lui a été envoyé',
      },
    })
  }

  async resetPassword({ request, response }: HttpContext) {
    const input = await request.validateUsing(resetCitizenPasswordValidator)
    await new ResetCitizenPassword().handle(input)
    return response.noContent()
  }

  /** GET /auth/verify-email/:token: does the verification link still work? (not spent) */
  checkVerificationLink({ params }: HttpContext) {
    return this.checkLink(params.token, 'verify_email')
  }

  /** GET /auth/reset-password/:token: does the reset link still work? (not spent) */
  checkResetLink({ params }: HttpContext) {
    return this.checkLink(params.token, 'reset_password')
  }

  private async checkLink(token: string, purpose: OneTimeTokenPurpose) {
    const { expiresAt } = await new CheckMailedLink().handle({ token, purpose })
    return { data: { expires_at: expiresAt.toUTC().toISO() } }
  }
}
