import limiter from '@adonisjs/limiter/services/main'
import Agent from '#kernel/accounts/models/agent'
import { audit } from '#kernel/accounts/actions/record_audit'
import { DomainError } from '#kernel/http/errors'

/** Failed attempts allowed per address and IP before the login is blocked for a while. */
export const LOGIN_ATTEMPTS = 5
const loginLimiter = () =>
  limiter.use({ requests: LOGIN_ATTEMPTS, duration: '15 mins', blockDuration: '15 mins' })

/**
 * Checks an agent's credentials (hash comparison by the framework, constant time even for an
 * unknown address), limited to a few failures per address and IP, and records the login.
 * Opening the session is left to the caller (the controller's auth guard).
 */
export default class AuthenticateAgent {
  async handle(input: { email: string; password: string; ip: string }): Promise<Agent> {
    const email = Agent.normalizeEmail(input.email)
    const [throttled, agent] = await loginLimiter()
      .penalize(`agent_login:${input.ip}:${email}`, () =>
        Agent.verifyCredentials(email, input.password)
      )
      .catch((error) => {
        if (error?.code !== 'E_INVALID_CREDENTIALS') throw error
        throw new DomainError(
          'E_INVALID_CREDENTIALS',
          'Adresse e-mail ou mot de passe incorrect.',
          400
        )
      })
    if (throttled) {
      const minutes = Math.max(1, Math.ceil(throttled.response.availableIn / 60))
      throw new DomainError(
        'E_TOO_MANY_LOGIN_ATTEMPTS',
        `Trop de tentatives de connexion. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
        429
      )
    }
    await audit({
      agent,
      action: 'agent.login',
      subject: { type: 'agent', id: agent.id },
      ip: input.ip,
    })
    return agent
  }
}
