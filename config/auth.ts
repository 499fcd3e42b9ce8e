import { defineConfig } from '@adonisjs/auth'
import { sessionGuard, sessionUserProvider } from '@adonisjs/auth/session'
import { tokensGuard } from '@adonisjs/auth/access_tokens'
import { CitizenTokensUserProvider } from '#kernel/accounts/citizens/citizen_tokens_user_provider'
import type { InferAuthenticators, InferAuthEvents, Authenticators } from '@adonisjs/auth/types'

const authConfig = defineConfig({
  default: 'web',
  guards: {
    web: sessionGuard({
      useRememberMeTokens: false,
      provider: sessionUserProvider({
        model: () => import('#kernel/accounts/models/agent'),
      }),
    }),
    // Citizens of the mobile apps: `Authorization: Bearer …` on /api/v1, no cookie. One query
    // per request for the token and its citizen (see the provider).
    api: tokensGuard({
      provider: new CitizenTokensUserProvider({
        tokens: 'accessTokens',
        model: () => import('#kernel/accounts/models/citizen'),
      }),
    }),
  },
})

export default authConfig

/**
 * Inferring types from the configured auth
 * guards.
 */
declare module '@adonisjs/auth/types' {
  export interface Authenticators extends InferAuthenticators<typeof authConfig> {}
}
declare module '@adonisjs/core/types' {
  interface EventsList extends InferAuthEvents<Authenticators> {}
}
