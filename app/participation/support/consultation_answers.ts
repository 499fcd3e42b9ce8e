import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import ConsultationQuestion from '#participation/models/consultation_question'
import ConsultationAnswer from '#participation/models/consultation_answer'
import { DomainError } from '#kernel/http/errors'

export const MAX_TEXT_ANSWER = 5000

export interface AnswerInput {
  question_id: number
  choice_ids?: number[] | null
  value?: number | null
  text?: string | null
}

export interface CheckedAnswer {
  questionId: number
  choiceIds: number[] | null
  scaleValue: number | null
  textValue: string | null
}

const refuse = (code: string, message: string, field: string) =>
  new DomainError(code, message, 422, field)

/**
 * A submission's answers, checked against the questionnaire: known questions only (once each),
 * every required question answered, choices among the question's own (one for a single choice,
 * up to the maximum for a multiple one), a scale value from 1 to its maximum, a text within
 * bounds. A 422 names the answer (`answers.N`) and the rule.
 */
export async function checkAnswers(
  consultationId: number,
  answers: AnswerInput[],
  trx: TransactionClientContract
): Promise<CheckedAnswer[]> {
  const questions = await ConsultationQuestion.query({ client: trx })
    .where('consultationId', consultationId)
    .orderBy('position')
  const byId = new Map(questions.map((question) => [question.id, question]))
  const seen = new Set<number>()
  const checked: CheckedAnswer[] = []
  for (const [index, answer] of answers.entries()) {
    const field = `answers.${index}`
    const question = byId.get(answer.question_id)
    if (!question)
      throw refuse(
        'E_UNKNOWN_QUESTION',
        `Question inconnue : ${answer.question_id}`,
        `${field}.question_id`
      )
    if (seen.has(question.id))
      throw refuse('E_DUPLICATE_QUESTION', 'Question répondue deux fois', `${field}.question_id`)
    seen.add(question.id)
    const value = checkOne(question, answer, field)
    if (value) checked.push(value)
  }
  for (const question of questions) {
    if (question.required && !checked.some((answer) => answer.questionId === question.id)) {
      throw refuse(
        'E_REQUIRED_QUESTION',
        `Réponse obligatoire à la question ${question.position} : « ${question.label} »`,
        'answers'
      )
    }
  }
  return checked
}

/** One answer, or null when it is empty (a skipped optional question). */
function checkOne(
  question: ConsultationQuestion,
  answer: AnswerInput,
  field: string
): CheckedAnswer | null {
  const empty = { questionId: question.id, choiceIds: null, scaleValue: null, textValue: null }
  if (question.kind === 'text') {
    const text = answer.text?.trim() ?? ''
    if (!text) return null
    if (text.length > MAX_TEXT_ANSWER)
      throw refuse('E_TEXT_TOO_LONG', `Au plus ${MAX_TEXT_ANSWER} caractères`, `${field}.text`)
    return { ...empty, textValue: text }
  }
  if (question.kind === 'scale') {
    if (answer.value === null || answer.value === undefined) return null
    if (!Number.isInteger(answer.value) || answer.value < 1 || answer.value > question.scaleMax!) {
      throw refuse('E_SCALE_VALUE', `Une note de 1 à ${question.scaleMax}`, `${field}.value`)
    }
    return { ...empty, scaleValue: answer.value }
  }
  const ids = answer.choice_ids ?? []
  if (ids.length === 0) return null
  const known = new Set(question.choices.map((choice) => choice.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0)
    throw refuse(
      'E_UNKNOWN_OPTION',
      `Choix inconnu pour cette question : ${unknown.join(', ')}`,
      `${field}.choice_ids`
    )
  if (new Set(ids).size !== ids.length)
    throw refuse('E_DUPLICATE_OPTION', 'Un même choix est donné deux fois', `${field}.choice_ids`)
  const max = question.kind === 'single' ? 1 : (question.maxChoices ?? question.choices.length)
  if (ids.length > max) {
    throw refuse(
      'E_TOO_MANY_CHOICES',
      max === 1 ? 'Un seul choix pour cette question' : `Au plus ${max} choix pour cette question`,
      `${field}.choice_ids`
    )
  }
  return { ...empty, choiceIds: [...ids].sort((a, b) => a - b) }
}

export async function writeAnswers(
  submissionId: number,
  answers: CheckedAnswer[],
  trx: TransactionClientContract
) {
  await ConsultationAnswer.query({ client: trx }).where('submissionId', submissionId).delete()
  if (answers.length === 0) return
  await ConsultationAnswer.createMany(
    answers.map((answer) => ({ ...answer, submissionId })),
    { client: trx }
  )
}
