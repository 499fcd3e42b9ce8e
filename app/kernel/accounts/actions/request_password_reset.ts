import mail from '@adonisjs/mail/services/main'
import limiter from '@adonisjs/limiter/services/main'
import Agent from '#kernel/accounts/models/agent'
import AgentToken from '#kernel/accounts/models/agent_token'
import PasswordResetMail from '#kernel/accounts/mails/password_reset_mail'
import { backOfficeUrl } from '#kernel/accounts/app_url'
import { DomainError } from '#kernel/http/errors'
import { withEvenTiming } from '#kernel/accounts/even_timing'
import { PASSWORD_RESET_MINIMUM_MS } from '#kernel/accounts/citizens/actions/request_citizen_password_reset'

/**
 * How many reset requests are accepted: per address (a mailbox is not flooded, whoever asks)
 * and per IP (one client cannot walk through addresses). Counted for known and unknown
 * addresses alike, so a refusal says nothing about who has an account.
 */
export const PASSWORD_RESET_LIMITS = {
  perAddress: { requests: 3, duration: '1 hour' },
  perIp: { requests: 10, duration: '15 minutes' },
} as const

/**
 * Mails a one-time password reset link to an agent who has an account. Says nothing about
 * whether the address is known (the caller always answers the same way, after the same time:
 * the mail is queued, not sent while the agent waits), so it cannot be used to find out who
 * has an account.
 */
export default class RequestPasswordReset {
  async handle(input: { email: string; ip: string }): Promise<void> {
    const email = Agent.normalizeEmail(input.email)
    await spend('agent_reset_ip', input.ip, PASSWORD_RESET_LIMITS.perIp)
    await spend('agent_reset_email', email, PASSWORD_RESET_LIMITS.perAddress)

    await withEvenTiming(PASSWORD_RESET_MINIMUM_MS, async () => {
      const agent = await Agent.findBy('email', email)
      if (!agent?.password) return
      const token = await AgentToken.issue(agent, 'password_reset')
      await mail.sendLater(
        new PasswordResetMail(agent.email, backOfficeUrl(`/password/reset/${token}`))
      )
    })
  }
}

async function spend(scope: string, key: string, limit: { requests: number; duration: string }) {
  const counted = limiter.use(limit)
  const allowed = await counted.attempt(`${scope}:${key}`, () => true)
  if (allowed) return
  const seconds = await counted.availableIn(`${scope}:${key}`)
  const minutes = Math.max(1, Math.ceil(seconds / 60))
  throw new DomainError(
    'E_TOO_MANY_RESET_REQUESTS',
    `Trop de demandes de réinitialisation. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
    429
  )
}
