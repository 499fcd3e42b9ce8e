import mail from '@adonisjs/mail/services/main'
import logger from '@adonisjs/core/services/logger'
import Agent from '#kernel/accounts/models/agent'
import AgentToken from '#kernel/accounts/models/agent_token'
import PasswordResetMail from '#kernel/accounts/mails/password_reset_mail'
import { backOfficeUrl } from '#kernel/accounts/app_url'

/**
 * Mails a one-time password reset link to an agent who has an account. Says nothing about
 * whether the address is known (the caller always answers the same way), so it cannot be used
 * to find out who has an account.
 */
export default class RequestPasswordReset {
  async handle(input: { email: string }): Promise<void> {
    const agent = await Agent.findBy('email', Agent.normalizeEmail(input.email))
    if (!agent?.password) return
    const token = await AgentToken.issue(agent, 'password_reset')
    try {
      await mail.send(new PasswordResetMail(agent.email, backOfficeUrl(`/password/reset/${token}`)))
    } catch (error) {
      logger.warn({ err: error, agentId: agent.id }, 'password reset mail could not be sent')
    }
  }
}
