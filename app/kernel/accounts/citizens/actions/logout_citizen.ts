import Citizen from '#kernel/accounts/models/citizen'

/** Revokes one access token of the citizen (the one the request came with). */
export default class LogoutCitizen {
  async handle(citizen: Citizen, tokenIdentifier: string | number | BigInt): Promise<void> {
    await Citizen.accessTokens.delete(citizen, tokenIdentifier)
  }
}
