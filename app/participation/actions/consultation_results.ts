import db from '@adonisjs/lucid/services/db'
import ConsultationQuestion from '#participation/models/consultation_question'
import { percentageOf } from '#participation/actions/tally_poll'

type Count = { id: number; label: string; count: number; percentage: number }

export interface QuestionResult {
  questionId: number
  /** Submissions that answered this question. */
  answered: number
  /** Choice questions: count per choice (percentages of those who answered). */
  choices?: Count[]
  /** Scale questions: count per value 1..max, and the mean (null without answers). */
  scale?: { value: number; count: number }[]
  mean?: number | null
}

export interface ConsultationResults {
  totalSubmissions: number
  questions: QuestionResult[]
}

/**
 * Distributions of every question from the stored answers; free-text answers are counted here
 * and browsed page by page through ListTextAnswers.
 */
export default class TallyConsultation {
  async handle(consultationId: number): Promise<ConsultationResults> {
    const questions = await ConsultationQuestion.query()
      .where('consultationId', consultationId)
      .orderBy('position')
    const { rows: totals } = await db.rawQuery(
      'SELECT count(*)::int AS total FROM participation_consultation_submissions WHERE consultation_id = ?',
      [consultationId]
    )
    const { rows: counts } = await db.rawQuery(
      `SELECT a.question_id, a.scale_value, count(*)::int AS count
           FROM participation_consultation_answers a
           JOIN participation_consultation_questions q ON q.id = a.question_id
          WHERE q.consultation_id = ? GROUP BY a.question_id, a.scale_value`,
      [consultationId]
    )
    const { rows: choiceCounts } = await db.rawQuery(
      `SELECT a.question_id, c.choice_id, count(*)::int AS count
           FROM participation_consultation_answers a
           JOIN participation_consultation_questions q ON q.id = a.question_id
           CROSS JOIN LATERAL unnest(a.choice_ids) AS c(choice_id)
          WHERE q.consultation_id = ? GROUP BY a.question_id, c.choice_id`,
      [consultationId]
    )
    type Row = { question_id: number; scale_value: number | null; choice_id: number; count: number }
    return {
      totalSubmissions: totals[0].total,
      questions: questions.map((question) => {
        const rows = (counts as Row[]).filter((row) => row.question_id === question.id)
        const answered = rows.reduce((sum, row) => sum + row.count, 0)
        const result: QuestionResult = { questionId: question.id, answered }
        if (question.kind === 'single' || question.kind === 'multiple') {
          result.choices = question.choices.map((choice) => {
            const count =
              (choiceCounts as Row[]).find(
                (row) => row.question_id === question.id && row.choice_id === choice.id
              )?.count ?? 0
            return { ...choice, count, percentage: percentageOf(count, answered) }
          })
        }
        if (question.kind === 'scale') {
          result.scale = Array.from({ length: question.scaleMax! }, (_, index) => ({
            value: index + 1,
            count: rows.find((row) => row.scale_value === index + 1)?.count ?? 0,
          }))
          const sum = result.scale.reduce((total, entry) => total + entry.value * entry.count, 0)
          result.mean = answered === 0 ? null : Math.round((sum * 100) / answered) / 100
        }
        return result
      }),
    }
  }
}
