import { Readable } from 'node:stream'
import type { HttpContext } from '@adonisjs/core/http'
import { csvDisposition } from '#kernel/http/csv'
import { mapTiles } from '#kernel/http/map_tiles'
import ListReportQueue, { QUEUE_PAGE_LIMIT } from '#signalement/actions/list_report_queue'
import ExportReportQueueCsv from '#signalement/actions/export_report_queue_csv'
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
  queueFilterChoices,
  queueRow,
  signalementTabs,
} from '#signalement/support/back_office_pages'

/** The agents' queue of the current authority's reports (list, map, CSV) and their steps. */
export default class QueueController {
  async index(ctx: HttpContext) {
    return this.render(ctx, 'signalement/queue')
  }

  async map(ctx: HttpContext) {
    return this.render(ctx, 'signalement/map', { map: mapTiles() })
  }

  private async render(
    { bouncer, tenant, request, inertia }: HttpContext,
    page: 'signalement/queue' | 'signalement/map',
    extra: Record<string, unknown> = {}
  ) {
    await bouncer.authorize('act', 'signalement.handle')
    const filters = await request.validateUsing(queueFiltersValidator, { data: request.qs() })
    const reports = await new ListReportQueue().handle(tenant, filters)
    return inertia.render(page, {
      filters,
      reports: reports.map(queueRow),
      truncated: reports.length === QUEUE_PAGE_LIMIT,
      ...(await queueFilterChoices(tenant)),
      tabs: signalementTabs(tenant),
      ...extra,
    })
  }

  async export({ bouncer, tenant, request, response }: HttpContext) {
    await bouncer.authorize('act', 'signalement.handle')
    const filters = await request.validateUsing(queueFiltersValidator, { data: request.qs() })
    response.header('Content-Type', 'text/csv; charset=utf-8')
    response.header(
      'Content-Disposition',
      csvDisposition(`signalements-${tenant.collectivity.slug}.csv`)
    )
    // Written as it is read, a page of rows at a time (the file is never whole in memory).
    response.stream(Readable.from(new ExportReportQueueCsv().handle(tenant, filters)))
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
