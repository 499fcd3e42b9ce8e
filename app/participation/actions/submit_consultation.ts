import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Citizen from '#kernel/accounts/models/citizen'
import Consultation from '#participation/models/consultation'
import ConsultationSubmission from '#participation/models/consultation_submission'
import { assertEligible } from '#participation/support/eligibility'
import { assertOpen } from '#participation/support/window'
import { findPublishedForAnswer } from '#participation/support/items'
import { alreadyAnswered, insertOnce } from '#participation/support/once'
import {
  checkAnswers,
  writeAnswers,
  type AnswerInput,
  type CheckedAnswer,
} from '#participation/support/consultation_answers'

export interface SubmissionView {
  id: number
  consultationId: number
  answers: CheckedAnswer[]
  createdAt: DateTime
  updatedAt: DateTime
}

const ALREADY = 'Vous avez déjà répondu à cette consultation : modifiez votre réponse (PUT) plutôt.'

/**
 * A citizen's one submission to a consultation: inside the window (409), from its audience
 * (403), answers checked against the questionnaire (422); the unique constraint keeps one.
 */
export default class SubmitConsultation {
  async handle(
    citizen: Citizen,
    consultationId: number,
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
      assertOpen(consultation, now)
      const commune = await assertEligible(citizen, consultation, trx)
      const checked = await checkAnswers(consultation.id, answers, trx)
      const existing = await ConsultationSubmission.query({ client: trx })
        .where({ consultationId: consultation.id, citizenId: citizen.id })
        .first()
      if (existing) throw alreadyAnswered(ALREADY)
      const submission = await insertOnce(
        () =>
          ConsultationSubmission.create(
            {
              consultationId: consultation.id,
              citizenId: citizen.id,
              communeId: commune?.id ?? null,
            },
            { client: trx }
          ),
        ALREADY
      )
      await writeAnswers(submission.id, checked, trx)
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
