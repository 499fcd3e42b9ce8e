import type { HttpContext } from '@adonisjs/core/http'
import { modules } from '#kernel/modules/registry'
import UpdateFeatures from '#kernel/tenancy/actions/update_features'
import UpdateBranding from '#kernel/tenancy/actions/update_branding'
import { allFeatures } from '#kernel/modules/registry'
import { brandingValidator, featuresValidator } from '#kernel/accounts/validators/back_office'
import { settingControls } from '#kernel/modules/settings_form'
import MediaPreviews from '#kernel/media/actions/media_previews'

/** Modules & branding of the current authority (admins). */
export default class SettingsController {
  async show({ bouncer, tenant, inertia }: HttpContext) {
    await bouncer.authorize('act', 'modules.manage')
    const states = tenant.collectivity.modules ?? {}
    const logoMediaId = tenant.collectivity.branding?.logoMediaId ?? null
    return inertia.render('settings/index', {
      modules: modules.map((module) => ({
        key: module.key,
        label: module.label,
        features: module.features.map((feature) => ({
          key: feature.key,
          label: feature.label,
          description: feature.description,
          kind: feature.kind,
          enabled: feature.kind === 'core' || states[feature.key]?.enabled === true,
          settings: {
            ...feature.defaults,
            ...states[feature.key]?.settings,
          } as Record<string, string | number | boolean>,
          controls: settingControls(feature),
        })),
      })),
      branding: {
        colour: tenant.collectivity.branding?.colour ?? '',
        logoMediaId,
        logo: await new MediaPreviews().one(tenant.collectivityId, logoMediaId),
      },
    })
  }

  async updateModules({ bouncer, tenant, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'modules.manage')
    const { enabled, settings } = await request.validateUsing(featuresValidator)
    const disable = allFeatures()
      .map((feature) => feature.key)
      .filter((key) => !enabled.includes(key))
      .filter((key) => allFeatures().find((feature) => feature.key === key)?.kind === 'optional')
    await new UpdateFeatures().handle(tenant, { enable: enabled, disable, settings }, request.ip())
    session.flash('success', 'Modules enregistrés.')
    return response.redirect('/settings')
  }

  async disableModule({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'modules.manage')
    await new UpdateFeatures().handle(tenant, { disable: [String(params.key)] }, request.ip())
    session.flash('success', 'Module désactivé.')
    return response.redirect('/settings')
  }

  async updateBranding({ bouncer, tenant, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'branding.manage')
    const input = await request.validateUsing(brandingValidator)
    await new UpdateBranding().handle(tenant, input, request.ip())
    session.flash('success', 'Identité visuelle enregistrée.')
    return response.redirect('/settings')
  }
}
