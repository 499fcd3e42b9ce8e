import type { AccessToken } from '@adonisjs/auth/access_tokens'
import Citizen from '#kernel/accounts/models/citizen'

export interface CitizenSession {
  citizen: Citizen
  token: AccessToken
}

/**
 * Checks the credentials (in constant time, whether or not the address exists) and issues an
 * access token. Throws E_INVALID_CREDENTIALS on a wrong address or password.
 */
export default class LoginCitizen {
  async handle(input: {
    email: string
    password: string
    deviceName?: string
  }): Promise<CitizenSession> {
    const citizen = await Citizen.verifyCredentials(input.email, input.password)
    const token = await Citizen.accessTokens.create(citizen, ['*'], {
      name: input.deviceName ?? 'app',
    })
    return { citizen, token }
  }
}
