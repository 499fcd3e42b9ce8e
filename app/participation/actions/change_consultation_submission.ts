import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Citizen from '#kernel/accounts/models/citizen'
import Consultation from '#participation/models/consultation'
import ConsultationSubmission from '#participation/models/consultation_submission'
import { assertEligible } from '#participation/support/eligibility'
import { assertOpen } from '#participation/support/window'
import { findPublishedForAnswer } from '#participation/support/items'
import {
  checkAnswers,
  writeAnswers,
  type AnswerInput,
} from '#participation/support/consultation_answers'
import type { SubmissionView } from '#participation/actions/submit_consultation'
import { NotFoundError } from '#kernel/http/errors'

/** Replaces the answers of the citizen's own submission until the close (others' are a 404). */
export default class ChangeConsultationSubmission {
  async handle(
    citizen: Citizen,
    consultationId: number,
    submissionId: number,
    answers: AnswerInput[],
    now: DateTime = DateTime.now()
  ): Promise<SubmissionView> {
    return db.transaction(async (trx) => {
      const consultation = await findPublishedForAnswer(
        Consultation,
        consultationId,
        trx,
        'Consultation introuvable'
      )
      const submission = await ConsultationSubmission.query({ client: trx })
        .where({ id: submissionId, consultationId: consultation.id, citizenId: citizen.id })
        .forUpdate()
        .first()
      if (!submission) throw new NotFoundError('Réponse introuvable')
      assertOpen(consultation, now)
      // Checked again: someone who moved out (or whose address is no longer verified) may not
      // change what they said while they were eligible; their first submission still counts.
      const commune = await assertEligible(citizen, consultation, trx)
      const checked = await checkAnswers(consultation.id, answers, trx)
      await writeAnswers(submission.id, checked, trx)
      submission.communeId = commune?.id ?? null
      submission.updatedAt = now
      await submission.useTransaction(trx).save()
      return {
        id: submission.id,
        consultationId: consultation.id,
        answers: checked,
        createdAt: submission.createdAt,
        updatedAt: submission.updatedAt,
      }
    })
  }
}
