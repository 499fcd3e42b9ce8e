import { I18n } from '@adonisjs/i18n'
import i18nManager from '@adonisjs/i18n/services/main'
import type { NextFn } from '@adonisjs/core/types/http'
import { type HttpContext, RequestValidator } from '@adonisjs/core/http'

/** The back-office speaks French (resources/lang/fr). */
export const BACK_OFFICE_LOCALE = 'fr'

/**
 * Gives back-office requests a French `ctx.i18n`, whose messages (resources/lang/fr/validator.json)
 * `request.validateUsing` then uses for validation errors.
 */
export default class DetectUserLocaleMiddleware {
  /**
   * This hook is process-wide: requests without `ctx.i18n` (the citizen API, whose validators
   * carry their own French messages) keep their validator's messages provider.
   */
  static {
    RequestValidator.messagesProvider = (ctx) => {
      return (ctx as Partial<HttpContext>).i18n?.createMessagesProvider() as ReturnType<
        I18n['createMessagesProvider']
      >
    }
  }

  async handle(ctx: HttpContext, next: NextFn) {
    ctx.i18n = i18nManager.locale(BACK_OFFICE_LOCALE)
    ctx.containerResolver.bindValue(I18n, ctx.i18n)
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    i18n: I18n
  }
}
