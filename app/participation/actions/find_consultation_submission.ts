import type Citizen from '#kernel/accounts/models/citizen'
import ConsultationSubmission from '#participation/models/consultation_submission'
import type { SubmissionView } from '#participation/actions/submit_consultation'
import { NotFoundError } from '#kernel/http/errors'

/** The citizen's own submission by its id (someone else's is a 404). */
export default class FindConsultationSubmission {
  async handle(
    citizen: Citizen,
    consultationId: number,
    submissionId: number
  ): Promise<SubmissionView> {
    const submission = await ConsultationSubmission.query()
      .where({ id: submissionId, consultationId, citizenId: citizen.id })
      .preload('answers')
      .first()
    if (!submission) throw new NotFoundError('Réponse introuvable')
    return {
      id: submission.id,
      consultationId,
      answers: submission.answers
        .map(({ questionId, choiceIds, scaleValue, textValue }) => ({
          questionId,
          choiceIds,
          scaleValue,
          textValue,
        }))
        .sort((a, b) => a.questionId - b.questionId),
      createdAt: submission.createdAt,
      updatedAt: submission.updatedAt,
    }
  }
}
