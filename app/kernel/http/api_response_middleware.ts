import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { applyApiCacheRules } from '#kernel/http/cache'
import { applyApiSecurityHeaders } from '#kernel/http/security_headers'
import { restoreErrorHeaders } from '#kernel/http/api_errors'

/**
 * The outer layer of the API stack (`api()` in start/kernel.ts): cache headers and ETags once
 * the route has answered. Errors never reach it (the exception handler renders them, no-store).
 */
export default class ApiResponseMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    await next()
    applyApiCacheRules(ctx)
    applyApiSecurityHeaders(ctx)
    restoreErrorHeaders(ctx)
  }
}
