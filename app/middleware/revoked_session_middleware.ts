import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { isCurrentAgentSession } from '#kernel/accounts/agent_sessions'

/**
 * Part of the back-office stack, right after `initializeAuth`: a session that an agent's
 * logout, password reset or role removal revoked is signed out here, before `auth` or `guest`
 * read it, so every later check sees a guest (ADR 0013).
 */
export default class RevokedSessionMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const guard = ctx.auth.use('web')
    if (ctx.session.has(guard.sessionKeyName) && (await guard.check())) {
      if (!isCurrentAgentSession(ctx, guard.user!)) await guard.logout()
    }
    return next()
  }
}
