import type { HttpContext } from '@adonisjs/core/http'
import { ListCategorySettings, SaveCategorySetting } from '#signalement/actions/category_settings'
import { categorySettingValidator } from '#signalement/validators/back_office'
import { signalementTabs } from '#signalement/support/back_office_pages'
import { HANDLING_LEVEL_LABELS } from '#signalement/vocabulary'

/** The categories as the current authority sets them: on or off, and who handles each. */
export default class CategoriesController {
  async index({ bouncer, tenant, inertia }: HttpContext) {
    await bouncer.authorize('act', 'signalement.configure')
    return inertia.render('signalement/categories', {
      categories: await new ListCategorySettings().handle(tenant),
      levels: Object.entries(HANDLING_LEVEL_LABELS).map(([value, label]) => ({ value, label })),
      tabs: signalementTabs(tenant),
    })
  }

  async update({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'signalement.configure')
    const input = await request.validateUsing(categorySettingValidator)
    await new SaveCategorySetting().handle(
      tenant,
      { code: String(params.code), ...input },
      { agent: tenant.agent, ip: request.ip() }
    )
    session.flash('success', 'Catégorie enregistrée')
    return response.redirect().back()
  }
}
