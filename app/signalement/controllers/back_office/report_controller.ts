import type { HttpContext } from '@adonisjs/core/http'
import ShowReportForAgent from '#signalement/actions/show_report_for_agent'
import HideReportPhoto from '#signalement/actions/hide_report_photo'
import UnhideReportPhoto from '#signalement/actions/unhide_report_photo'
import MergeReport from '#signalement/actions/merge_report'
import UnmergeReport from '#signalement/actions/unmerge_report'
import {
  hidePhotoValidator,
  mergeValidator,
  unhidePhotoValidator,
  unmergeValidator,
} from '#signalement/validators/back_office'
import { queueRow, signalementTabs } from '#signalement/support/back_office_pages'
import { reportDetailProps } from '#signalement/transformers/report_detail'

/** One report as the agent handles it: detail, hiding a photo, merging a duplicate, and undoing both. */
export default class ReportController {
  async show({ bouncer, tenant, params, inertia }: HttpContext) {
    await bouncer.authorize('act', 'signalement.handle')
    const detail = await new ShowReportForAgent().handle(tenant, Number(params.id))
    return inertia.render('signalement/show', {
      report: { ...queueRow(detail.report), ...reportDetailProps(detail) },
      tabs: signalementTabs(tenant),
    })
  }

  async hidePhoto({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'signalement.handle')
    const input = await request.validateUsing(hidePhotoValidator)
    await new HideReportPhoto().handle(tenant, { reportId: Number(params.id), ...input })
    session.flash('success', 'Média masqué ; le motif a été envoyé à l’auteur du signalement')
    return response.redirect().back()
  }

  async unhidePhoto({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'signalement.handle')
    const input = await request.validateUsing(unhidePhotoValidator)
    await new UnhideReportPhoto().handle(tenant, { reportId: Number(params.id), ...input })
    session.flash('success', 'Média de nouveau visible du public')
    return response.redirect().back()
  }

  async merge({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'signalement.handle')
    const input = await request.validateUsing(mergeValidator)
    await new MergeReport().handle(tenant, { reportId: Number(params.id), ...input })
    session.flash('success', `Doublon regroupé avec le signalement n° ${input.intoId}`)
    return response.redirect().toPath(`/signalement/${input.intoId}`)
  }

  async unmerge({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', 'signalement.handle')
    const input = await request.validateUsing(unmergeValidator)
    const report = await new UnmergeReport().handle(tenant, {
      reportId: Number(params.id),
      ...input,
    })
    session.flash(
      'success',
      'Regroupement annulé : le signalement est de nouveau suivi pour lui-même'
    )
    return response.redirect().toPath(`/signalement/${report.id}`)
  }
}
