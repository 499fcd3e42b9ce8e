import {
  checkOneTimeToken,
  type OneTimeTokenPurpose,
} from '#kernel/accounts/citizens/one_time_tokens'

/**
 * Checks the token of a mailed link (e-mail verification, password reset) without spending
 * it: the page the link opens says at once that it expired or already served.
 */
export default class CheckMailedLink {
  handle(input: { token: string; purpose: OneTimeTokenPurpose }) {
    return checkOneTimeToken(input.token, input.purpose)
  }
}
