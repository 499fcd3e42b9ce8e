import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * Back-office URLs carry invitation and password-reset tokens: none leaks to another site
 * through the Referer header. (CSP, frame and sniffing headers come from shield.)
 */
export default class BackOfficeHeadersMiddleware {
  async handle({ response }: HttpContext, next: NextFn) {
    response.header('Referrer-Policy', 'same-origin')
    return next()
  }
}
