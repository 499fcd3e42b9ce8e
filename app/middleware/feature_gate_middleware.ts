import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { switchedOffMessage, switchedOffOwners } from '#kernel/modules/feature_gate'

/**
 * The one place that closes a switched-off feature's back-office pages and forms, for every
 * module: the path's owning features come from the manifests (`navigation.href` and
 * `backOfficePaths`), so hiding the tab and refusing the URL cannot drift apart. The agent lands
 * on the dashboard with a French flash; a client asking for JSON gets 409 `E_FEATURE_DISABLED`.
 * Runs after `tenant`.
 */
export default class FeatureGateMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const { request, response, session, tenant } = ctx
    const owners = switchedOffOwners(request.url(), tenant.collectivity)
    if (owners.length === 0) return next()
    const message = switchedOffMessage(owners, tenant.collectivity)
    if (!request.header('x-inertia') && request.accepts(['html', 'json']) === 'json') {
      return response.conflict({ errors: [{ code: 'E_FEATURE_DISABLED', message }] })
    }
    session.flash('error', message)
    return response.redirect().toPath('/')
  }
}
