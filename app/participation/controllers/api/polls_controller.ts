import type { HttpContext } from '@adonisjs/core/http'
import { readPageRequest } from '#kernel/http/pagination'
import ResolveAudience from '#info/actions/resolve_audience'
import ListParticipationItems from '#participation/actions/list_participation_items'
import ShowPoll from '#participation/actions/show_poll'
import AnswerPoll from '#participation/actions/answer_poll'
import ChangePollAnswer from '#participation/actions/change_poll_answer'
import FindPollAnswer from '#participation/actions/find_poll_answer'
import MyParticipations from '#participation/actions/my_participations'
import { pollAnswerJson } from '#participation/transformers/participation'
import {
  idParamsValidator,
  listQueryValidator,
  pollAnswerValidator,
} from '#participation/validators/api'

/** Polls in the citizen API: public reads by authority, answers by signed-in citizens. */
export default class PollsController {
  async index({ params, request }: HttpContext) {
    const { state } = await listQueryValidator.validate(request.qs())
    return new ListParticipationItems().handle(
      'poll',
      await new ResolveAudience().handle(String(params.code)),
      await readPageRequest(request),
      state
    )
  }

  async show({ params }: HttpContext) {
    const { id } = await idParamsValidator.validate({ id: params.id })
    return new ShowPoll().handle(await new ResolveAudience().handle(String(params.code)), id)
  }

  async answer({ auth, params, request, response }: HttpContext) {
    const { id } = await idParamsValidator.validate({ id: params.id })
    const { option_ids: optionIds } = await request.validateUsing(pollAnswerValidator)
    const answer = await new AnswerPoll().handle(auth.use('api').getUserOrFail(), id, optionIds)
    return response.created({ data: pollAnswerJson(answer) })
  }

  async change({ auth, params, request }: HttpContext) {
    const { id, answerId } = await idParamsValidator.validate(params)
    const { option_ids: optionIds } = await request.validateUsing(pollAnswerValidator)
    const answer = await new ChangePollAnswer().handle(
      auth.use('api').getUserOrFail(),
      id,
      answerId!,
      optionIds
    )
    return { data: pollAnswerJson(answer) }
  }

  async showAnswer({ auth, params }: HttpContext) {
    const { id, answerId } = await idParamsValidator.validate(params)
    const answer = await new FindPollAnswer().handle(auth.use('api').getUserOrFail(), id, answerId!)
    return { data: pollAnswerJson(answer) }
  }

  async mine({ auth }: HttpContext) {
    return new MyParticipations().handle(auth.use('api').getUserOrFail())
  }
}
