import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { ForbiddenError } from '#kernel/http/errors'

/** Département-wide pages (failed jobs…): super-admins only. Runs after `auth`. */
export default class SuperAdminMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (!ctx.auth.use('web').getUserOrFail().isSuperAdmin) {
      throw new ForbiddenError('Réservé aux super-administrateurs du département')
    }
    return next()
  }
}
