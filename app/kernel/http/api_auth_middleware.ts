import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * `ctx.auth` for the citizen API. The stock InitializeAuthMiddleware also shares `auth` with the
 * templates, and reaching for `ctx.view` builds an Edge renderer (a scan of the components on
 * disk) on every request: the API renders no template, so it skips that cost on its hot path.
 */
export default class ApiAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const manager = await ctx.containerResolver.make('auth.manager')
    ctx.auth = manager.createAuthenticator(ctx)
    return next()
  }
}
