import db from '@adonisjs/lucid/services/db'
import type { DateTime } from 'luxon'
import Consultation from '#participation/models/consultation'
import ConsultationQuestion, {
  type QuestionKind,
} from '#participation/models/consultation_question'
import ConsultationSubmission from '#participation/models/consultation_submission'
import type { ResultsVisibility } from '#participation/models/participation_item'
import type { ParticipationAudience } from '#participation/support/eligibility'
import { assertWindowInOrder } from '#participation/support/window'
import { syncParticipationFeed } from '#participation/support/feed'
import { ConflictError, DomainError } from '#kernel/http/errors'

export const MAX_QUESTIONS = 50
export const MAX_QUESTION_CHOICES = 20

export interface QuestionInput {
  kind: QuestionKind
  label: string
  required: boolean
  /** Choice questions: the options in order (2 to 20). */
  choices?: string[]
  /** Multiple choice: at most this many (defaults to all). */
  maxChoices?: number | null
  /** Scale questions: 5 or 10. */
  scaleMax?: number | null
}

export interface ConsultationInput {
  title: string
  description?: string | null
  questions: QuestionInput[]
  opensAt: DateTime
  closesAt: DateTime
  audience: ParticipationAudience
  resultsVisibility: ResultsVisibility
}

type Shape = Pick<ConsultationQuestion, 'kind' | 'required' | 'choices' | 'maxChoices' | 'scaleMax'>

/**
 * Creates a consultation in draft or changes one of the authority's. Questions keep their ids
 * by position; once someone has answered, the questionnaire's shape and its audience are frozen
 * (texts may still be corrected) so that every stored answer keeps its meaning.
 */
export default class SaveConsultation {
  async handle(collectivityId: number, input: ConsultationInput, id?: number) {
    assertWindowInOrder(input)
    const shapes = this.shapes(input.questions)
    return db.transaction(async (trx) => {
      const consultation = id
        ? await Consultation.ownedBy(collectivityId)
            .useTransaction(trx)
            .where('id', id)
            .forUpdate()
            .firstOrFail()
        : new Consultation().merge({ collectivityId, status: 'draft' })
      const questions = id
        ? await ConsultationQuestion.query({ client: trx })
            .where('consultationId', consultation.id)
            .orderBy('position')
        : []
      const answered =
        id !== undefined &&
        (await ConsultationSubmission.query({ client: trx })
          .where('consultationId', consultation.id)
          .first())
      // The audience is frozen with the questionnaire, as for polls (SavePoll).
      if (
        answered &&
        (!this.sameShapes(questions, shapes) || consultation.audience !== input.audience)
      ) {
        throw new ConflictError(
          'E_CONSULTATION_ANSWERED',
          'Des citoyens ont déjà répondu : les questions, leur type, leurs choix et le public ne peuvent plus changer (les libellés, si).'
        )
      }
      consultation.merge({
        title: input.title.trim(),
        description: input.description?.trim() || null,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        audience: input.audience,
        resultsVisibility: input.resultsVisibility,
      })
      await consultation.useTransaction(trx).save()
      for (const [index, shape] of shapes.entries()) {
        const values = { ...shape, label: input.questions[index].label.trim() }
        const existing = questions[index]
        if (existing) await existing.useTransaction(trx).merge(values).save()
        else
          await ConsultationQuestion.create(
            { ...values, consultationId: consultation.id, position: index + 1 },
            { client: trx }
          )
      }
      await ConsultationQuestion.query({ client: trx })
        .whereIn(
          'id',
          questions.slice(shapes.length).map((question) => question.id)
        )
        .delete()
      await syncParticipationFeed('consultation', consultation, trx)
      return consultation
    })
  }

  /** Each question's stored shape, or a 422 on `questions.N…` saying what is wrong. */
  private shapes(questions: QuestionInput[]): Shape[] {
    if (questions.length === 0 || questions.length > MAX_QUESTIONS) {
      throw new DomainError(
        'E_QUESTIONS',
        `Une consultation compte de 1 à ${MAX_QUESTIONS} questions`,
        422,
        'questions'
      )
    }
    return questions.map((question, index) => {
      const field = `questions.${index}`
      if (!question.label.trim())
        throw new DomainError('E_QUESTIONS', 'Intitulé obligatoire', 422, `${field}.label`)
      const base = {
        kind: question.kind,
        required: question.required,
        choices: [],
        maxChoices: null,
        scaleMax: null,
      }
      if (question.kind === 'scale') {
        if (question.scaleMax !== 5 && question.scaleMax !== 10) {
          throw new DomainError(
            'E_SCALE',
            'Échelle de 1 à 5 ou de 1 à 10',
            422,
            `${field}.scaleMax`
          )
        }
        return { ...base, scaleMax: question.scaleMax }
      }
      if (question.kind === 'text') return base
      const labels = (question.choices ?? []).map((label) => label.trim())
      if (
        labels.length < 2 ||
        labels.length > MAX_QUESTION_CHOICES ||
        labels.some((label) => !label)
      ) {
        throw new DomainError(
          'E_CHOICES',
          `De 2 à ${MAX_QUESTION_CHOICES} choix, aucun vide`,
          422,
          `${field}.choices`
        )
      }
      if (new Set(labels.map((label) => label.toLocaleLowerCase('fr'))).size !== labels.length) {
        throw new DomainError(
          'E_CHOICES',
          'Deux choix portent le même libellé',
          422,
          `${field}.choices`
        )
      }
      const choices = labels.map((label, position) => ({ id: position + 1, label }))
      const maxChoices =
        question.kind === 'multiple'
          ? Math.max(1, Math.min(question.maxChoices ?? labels.length, labels.length))
          : 1
      return { ...base, choices, maxChoices }
    })
  }

  private sameShapes(questions: ConsultationQuestion[], shapes: Shape[]): boolean {
    return (
      questions.length === shapes.length &&
      shapes.every((shape, index) => {
        const question = questions[index]
        return (
          question.kind === shape.kind &&
          question.required === shape.required &&
          question.choices.length === shape.choices.length &&
          (question.maxChoices ?? null) === shape.maxChoices &&
          (question.scaleMax ?? null) === shape.scaleMax
        )
      })
    )
  }
}
