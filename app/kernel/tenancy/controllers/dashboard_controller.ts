import type { HttpContext } from '@adonisjs/core/http'
import DashboardFigures from '#kernel/tenancy/actions/dashboard_figures'
import ListAuthorities from '#kernel/tenancy/actions/list_authorities'

export default class DashboardController {
  async show({ bouncer, tenant, inertia }: HttpContext) {
    await bouncer.authorize('act', 'dashboard.view')
    const { sections, features } = await new DashboardFigures().handle(tenant)
    return inertia.render('dashboard', {
      sections,
      features,
      authorities: await new ListAuthorities().handle(tenant.agent),
    })
  }
}
