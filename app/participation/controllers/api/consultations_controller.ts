import type { HttpContext } from '@adonisjs/core/http'
import { readPageRequest } from '#kernel/http/pagination'
import ResolveAudience from '#info/actions/resolve_audience'
import ListParticipationItems from '#participation/actions/list_participation_items'
import ShowConsultation from '#participation/actions/show_consultation'
import SubmitConsultation from '#participation/actions/submit_consultation'
import ChangeConsultationSubmission from '#participation/actions/change_consultation_submission'
import FindConsultationSubmission from '#participation/actions/find_consultation_submission'
import ListPublicTextAnswers from '#participation/actions/list_public_text_answers'
import { submissionJson } from '#participation/transformers/participation'
import {
  consultationSubmissionValidator,
  idParamsValidator,
  listQueryValidator,
} from '#participation/validators/api'

/** Consultations in the citizen API: public reads by authority, one submission per citizen. */
export default class ConsultationsController {
  async index({ params, request }: HttpContext) {
    const { state } = await listQueryValidator.validate(request.qs())
    return new ListParticipationItems().handle(
      'consultation',
      await new ResolveAudience().handle(String(params.code)),
      await readPageRequest(request),
      state
    )
  }

  async show({ params }: HttpContext) {
    const { id } = await idParamsValidator.validate({ id: params.id })
    return new ShowConsultation().handle(
      await new ResolveAudience().handle(String(params.code)),
      id
    )
  }

  async textAnswers({ params, request }: HttpContext) {
    const { id, questionId } = await idParamsValidator.validate(params)
    return new ListPublicTextAnswers().handle(
      await new ResolveAudience().handle(String(params.code)),
      id,
      questionId!,
      await readPageRequest(request)
    )
  }

  async submit({ auth, params, request, response }: HttpContext) {
    const { id } = await idParamsValidator.validate({ id: params.id })
    const { answers } = await request.validateUsing(consultationSubmissionValidator)
    const submission = await new SubmitConsultation().handle(
      auth.use('api').getUserOrFail(),
      id,
      answers
    )
    return response.created({ data: submissionJson(submission) })
  }

  async change({ auth, params, request }: HttpContext) {
    const { id, answerId } = await idParamsValidator.validate(params)
    const { answers } = await request.validateUsing(consultationSubmissionValidator)
    const submission = await new ChangeConsultationSubmission().handle(
      auth.use('api').getUserOrFail(),
      id,
      answerId!,
      answers
    )
    return { data: submissionJson(submission) }
  }

  async showSubmission({ auth, params }: HttpContext) {
    const { id, answerId } = await idParamsValidator.validate(params)
    const submission = await new FindConsultationSubmission().handle(
      auth.use('api').getUserOrFail(),
      id,
      answerId!
    )
    return { data: submissionJson(submission) }
  }
}
