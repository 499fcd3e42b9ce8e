import app from '@adonisjs/core/services/app'
import { type HttpContext, ExceptionHandler } from '@adonisjs/core/http'
import { isApiRequest, rememberErrorHeaders, renderApiError } from '#kernel/http/api_errors'
import { asRequestError } from '#kernel/http/request_errors'
import { allowedMethods, applyApiSecurityHeaders } from '#kernel/http/security_headers'
import { renderBackOfficeError } from '#kernel/tenancy/back_office_errors'
import { asServiceUnavailable, OUTAGE_RETRY_AFTER_SECONDS } from '#kernel/http/outages'

export default class HttpExceptionHandler extends ExceptionHandler {
  protected debug = !app.inProduction
  protected renderStatusPages = app.inProduction

  /**
   * The citizen API and Open311 answer every error with `{ errors: [{ code, message, field? }] }`
   * (see app/kernel/http/api_errors.ts); the back-office keeps the framework's behaviour.
   */
  async handle(thrown: unknown, ctx: HttpContext) {
    // Redis away (rate limits, queue): 503 with Retry-After, the rest of the app keeps serving.
    const outage = asServiceUnavailable(thrown)
    if (outage) ctx.response.header('Retry-After', OUTAGE_RETRY_AFTER_SECONDS)
    const error = outage ?? asRequestError(thrown)
    if (isApiRequest(ctx)) {
      const rendered = renderApiError(error, {
        exposeInternals: this.debug,
        allowedMethods: () => allowedMethods(ctx),
      })
      applyApiSecurityHeaders(ctx)
      for (const [name, value] of Object.entries(rendered.headers)) {
        ctx.response.header(name, value)
      }
      rememberErrorHeaders(ctx, rendered.headers)
      ctx.response.header('Cache-Control', 'no-store')
      return ctx.response.status(rendered.status).send({ errors: rendered.errors })
    }
    if (await renderBackOfficeError(error, ctx)) return
    return super.handle(error, ctx)
  }

  async report(error: unknown, ctx: HttpContext) {
    return super.report(asRequestError(error), ctx)
  }
}
