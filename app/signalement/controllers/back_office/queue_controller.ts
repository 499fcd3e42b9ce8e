import type { HttpContext } from '@adonisjs/core/http'
import ListReportQueue from '#signalement/actions/list_report_queue'
import TransitionReport from '#signalement/actions/transition_report'
import ReassignReport from '#signalement/actions/reassign_report'
import ModerateReport from '#signalement/actions/moderate_report'
import {
  moderationValidator,
  queueFiltersValidator,
  reassignValidator,
  transitionValidator,
} from '#signalement/validators/back_office'
import {
  CATEGORY_LABELS,
  MODERATION_LABELS,
  REPORT_STATUS_LABELS,
  TRANSITIONS,
} from '#signalement/vocabulary'

/** The agents' queue of the current authority's reports, and the steps they take on them. */
export default class QueueController {
  async index({ bouncer, tenant, request, inertia }: HttpContext) {
    await bouncer.authorize('act', 'signalement.handle')
    const filters = await request.validateUsing(queueFiltersValidator, { data: request.qs() })
    const reports = await new ListReportQueue().handle(tenant, filters)
    return inertia.render('signalement/queue', {
      filters,
      reports: reports.map((report) => ({
        id: report.id,
        category: CATEGORY_LABELS[report.categoryCode] ?? report.categoryCode,
        status: report.status,
        statusLabel: REPORT_STATUS_LABELS[report.status],
        moderation: MODERATION_LABELS[report.moderation],
        description: report.description,
        address: report.address,
        lat: report.lat,
        lng: report.lng,
        overdue: report.overdue,
        createdAt: report.createdAt.toISO(),
        next: TRANSITIONS[report.status].map((to) => ({ to, label: REPORT_STATUS_LABELS[to] })),
      })),
      statuses: Object.entries(REPORT_STATUS_LABELS).map(([value, label]) => ({ value, label })),
      categories: Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label })),
    })
  }

  async transition({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'signalement.handle')
    const input = await request.validateUsing(transitionValidator)
    await new TransitionReport().handle(tenant, { reportId: Number(params.id), ...input })
    session.flash('success', 'Signalement mis à jour')
    return response.redirect().back()
  }

  async reassign({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'signalement.handle')
    const input = await request.validateUsing(reassignValidator)
    await new ReassignReport().handle(tenant, { reportId: Number(params.id), ...input })
    session.flash('success', 'Signalement confié à une autre collectivité')
    return response.redirect().toPath('/signalement')
  }

  async moderate({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'signalement.handle')
    const input = await request.validateUsing(moderationValidator)
    await new ModerateReport().handle(tenant, { reportId: Number(params.id), ...input })
    session.flash(
      'success',
      input.state === 'published' ? 'Signalement publié' : 'Signalement masqué'
    )
    return response.redirect().back()
  }
}
