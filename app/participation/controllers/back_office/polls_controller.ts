import type { HttpContext } from '@adonisjs/core/http'
import Poll from '#participation/models/poll'
import { findFeature } from '#kernel/modules/registry'
import PollOption from '#participation/models/poll_option'
import SavePoll, { type PollInput } from '#participation/actions/save_poll'
import TallyPoll from '#participation/actions/tally_poll'
import ParticipationDashboard from '#participation/actions/participation_dashboard'
import ExportPollCsv from '#participation/actions/export_poll_csv'
import { pollFormValidator } from '#participation/validators/back_office'
import { listRow, sendCsv } from '#participation/support/back_office'
import ParticipationItemsController, {
  ABILITY,
} from '#participation/controllers/back_office/participation_items_controller'

/** The current authority's polls: list and form, publication, live results, CSV export. */
export default class PollsController extends ParticipationItemsController<PollInput> {
  protected kind = 'poll' as const
  protected validator = pollFormValidator
  protected messages = {
    saved: 'Sondage enregistré en brouillon.',
    published: 'Sondage publié : il s’ouvre aux citoyens à la date d’ouverture.',
    withdrawn: 'Publication retirée : le sondage est de nouveau en brouillon.',
  }

  protected save(collectivityId: number, input: PollInput, id?: number) {
    return new SavePoll().handle(collectivityId, input, id)
  }

  protected async editValues(poll: Poll) {
    const options = await PollOption.query().where('pollId', poll.id).orderBy('position')
    return {
      selection: poll.selection,
      maxChoices: poll.selection === 'multiple' ? poll.maxChoices : null,
      allowChange: poll.allowChange,
      options: options.map((option) => option.label),
    }
  }

  protected extraProps(tenant: HttpContext['tenant']) {
    // The authority's setting of the polls feature: the visibility a new poll starts with.
    return {
      defaultVisibility:
        tenant.collectivity.modules?.polls?.settings?.resultsVisibility ??
        findFeature('polls')?.defaults?.resultsVisibility,
    }
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
