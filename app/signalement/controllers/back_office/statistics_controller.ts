import type { HttpContext } from '@adonisjs/core/http'
import ReportStatistics from '#signalement/actions/report_statistics'
import { statisticsValidator } from '#signalement/validators/back_office'
import { signalementTabs } from '#signalement/support/back_office_pages'

/** Reports per category and month with the median time to resolve (chart and table). */
export default class StatisticsController {
  async index({ bouncer, tenant, request, inertia }: HttpContext) {
    await bouncer.authorize('act', 'signalement.handle')
    const { months = 12 } = await request.validateUsing(statisticsValidator, { data: request.qs() })
    const statistics = await new ReportStatistics().handle(tenant, { months })
    return inertia.render('signalement/statistics', {
      ...statistics,
      period: months,
      tabs: signalementTabs(tenant),
    })
  }
}
