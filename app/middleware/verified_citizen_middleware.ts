import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { ForbiddenError } from '#kernel/http/errors'

/**
 * After `citizenAuth()`: the route is for citizens who verified their e-mail address (uploads,
 * and whatever else lets an account publish). 403 `E_EMAIL_NOT_VERIFIED` otherwise.
 */
export default class VerifiedCitizenMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const citizen = ctx.auth.use('api').getUserOrFail()
    if (!citizen.emailVerifiedAt) {
      throw new ForbiddenError(
        'Vérifiez d’abord votre adresse e-mail (lien reçu à l’inscription) : cette action est réservée aux comptes vérifiés',
        'E_EMAIL_NOT_VERIFIED'
      )
    }
    return next()
  }
}
