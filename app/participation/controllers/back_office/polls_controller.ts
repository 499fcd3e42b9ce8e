import type { HttpContext } from '@adonisjs/core/http'
import Poll from '#participation/models/poll'
import { findFeature } from '#kernel/modules/registry'
import PollOption from '#participation/models/poll_option'
import SavePoll from '#participation/actions/save_poll'
import PublishParticipation from '#participation/actions/publish_participation'
import WithdrawParticipation from '#participation/actions/withdraw_participation'
import TallyPoll from '#participation/actions/tally_poll'
import ParticipationDashboard from '#participation/actions/participation_dashboard'
import ExportPollCsv from '#participation/actions/export_poll_csv'
import { listFiltersValidator, pollFormValidator } from '#participation/validators/back_office'
import {
  answerCounts,
  commonFormValues,
  formOptions,
  listRow,
  routeId,
  sendCsv,
  windowOf,
} from '#participation/support/back_office'

const ABILITY = 'participation.manage'

/** The current authority's polls: list and form, publication, live results, CSV export. */
export default class PollsController {
  async index({ bouncer, tenant, request, inertia, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const filters = await request.validateUsing(listFiltersValidator, { data: request.qs() })
    const polls = await Poll.ownedBy(tenant).orderBy('opens_at', 'desc').limit(200)
    const counts = await answerCounts(
      'poll',
      polls.map((poll) => poll.id)
    )
    let editing = null
    if (filters.edit && filters.edit !== 'new') {
      const poll = await Poll.findOwnedOrFail(tenant, filters.edit)
      const options = await PollOption.query().where('pollId', poll.id).orderBy('position')
      editing = {
        ...listRow(poll, counts.get(poll.id) ?? 0),
        values: {
          ...commonFormValues(poll),
          selection: poll.selection,
          maxChoices: poll.selection === 'multiple' ? poll.maxChoices : null,
          allowChange: poll.allowChange,
          options: options.map((option) => option.label),
        },
      }
    }
    return inertia.render('participation/polls/index', {
      featureOn: tenant.collectivity.isModuleEnabled('polls'),
      // The authority's setting of the polls feature: the visibility a new poll starts with.
      defaultVisibility:
        tenant.collectivity.modules?.polls?.settings?.resultsVisibility ??
        findFeature('polls')?.defaults?.resultsVisibility,
      creating:
        filters.edit === 'new' || (!filters.edit && session.flashMessages.has('inputErrorsBag')),
      editing,
      items: polls.map((poll) => listRow(poll, counts.get(poll.id) ?? 0)),
      options: formOptions,
    })
  }

  async store({ bouncer, tenant, request, response, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const values = await request.validateUsing(pollFormValidator)
    const poll = await new SavePoll().handle(tenant.collectivityId, {
      ...values,
      ...windowOf(values),
    })
    session.flash('success', 'Sondage enregistré en brouillon.')
    return response.redirect(`/participation/polls?edit=${poll.id}`)
  }

  async update({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const poll = await Poll.findOwnedOrFail(tenant, params.id)
    const values = await request.validateUsing(pollFormValidator)
    await new SavePoll().handle(tenant.collectivityId, { ...values, ...windowOf(values) }, poll.id)
    session.flash('success', 'Modifications enregistrées.')
    return response.redirect(`/participation/polls?edit=${poll.id}`)
  }

  async publish({ bouncer, tenant, params, response, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const poll = await new PublishParticipation().handle(
      'poll',
      tenant.collectivityId,
      routeId(params.id)
    )
    session.flash('success', 'Sondage publié : il s’ouvre aux citoyens à la date d’ouverture.')
    return response.redirect(`/participation/polls?edit=${poll.id}`)
  }

  async withdraw({ bouncer, tenant, params, response, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const poll = await new WithdrawParticipation().handle(
      'poll',
      tenant.collectivityId,
      routeId(params.id)
    )
    session.flash('success', 'Publication retirée : le sondage est de nouveau en brouillon.')
    return response.redirect(`/participation/polls?edit=${poll.id}`)
  }

  async results({ bouncer, tenant, params, inertia }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const poll = await Poll.findOwnedOrFail(tenant, params.id)
    const tally = await new TallyPoll().handle(poll.id)
    const figures = await new ParticipationDashboard().handle('poll', poll.id)
    return inertia.render('participation/polls/results', {
      poll: {
        ...listRow(poll, tally.totalAnswers),
        selection: poll.selection,
        resultsVisibility: poll.resultsVisibility,
      },
      tally,
      figures,
    })
  }

  async export({ bouncer, tenant, params, response }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const poll = await Poll.findOwnedOrFail(tenant, params.id)
    return sendCsv(response, await new ExportPollCsv().handle(tenant.collectivityId, poll.id))
  }
}
