import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Consultation from '#participation/models/consultation'
import ConsultationQuestion from '#participation/models/consultation_question'
import { toCsv, type CsvValue } from '#kernel/http/csv'
import { TIME_ZONE } from '#participation/support/window'
import { slugOf } from '#participation/support/slug'

/**
 * A consultation's submissions for a spreadsheet: one row per submission, one column per
 * question in order (choices by their labels joined with « | », the note, or the text).
 */
export default class ExportConsultationCsv {
  async handle(collectivityId: number, consultationId: number) {
    const consultation = await Consultation.ownedBy(collectivityId)
      .where('id', consultationId)
      .firstOrFail()
    const questions = await ConsultationQuestion.query()
      .where('consultationId', consultation.id)
      .orderBy('position')
    const { rows } = await db.rawQuery(
      `SELECT s.id, s.created_at, s.updated_at, c.name AS commune, c.code AS commune_code,
              coalesce(json_agg(json_build_object('q', a.question_id, 'c', a.choice_ids, 'v', a.scale_value, 't', a.text_value))
                FILTER (WHERE a.id IS NOT NULL), '[]') AS answers
         FROM participation_consultation_submissions s
         LEFT JOIN collectivities c ON c.id = s.commune_id
         LEFT JOIN participation_consultation_answers a ON a.submission_id = s.id
        WHERE s.consultation_id = ? GROUP BY s.id, c.name, c.code ORDER BY s.id`,
      [consultation.id]
    )
    const paris = (value: Date) =>
      DateTime.fromJSDate(value).setZone(TIME_ZONE).toFormat('dd/LL/yyyy HH:mm:ss')
    type Answer = { q: number; c: number[] | null; v: number | null; t: string | null }
    const cell = (question: ConsultationQuestion, answer: Answer | undefined): CsvValue => {
      if (!answer) return null
      if (question.kind === 'scale') return answer.v
      if (question.kind === 'text') return answer.t
      return (answer.c ?? [])
        .map((id) => question.choices.find((choice) => choice.id === id)?.label ?? String(id))
        .join(' | ')
    }
    return {
      filename: `consultation-${consultation.id}-${slugOf(consultation.title)}.csv`,
      content: toCsv(
        [
          'Réponse',
          'Première réponse',
          'Dernière modification',
          'Commune',
          'Code INSEE',
          ...questions.map((question) => `${question.position}. ${question.label}`),
        ],
        rows.map(
          (row: {
            id: number
            created_at: Date
            updated_at: Date
            commune: string | null
            commune_code: string | null
            answers: Answer[]
          }) => [
            row.id,
            paris(row.created_at),
            paris(row.updated_at),
            row.commune,
            row.commune_code,
            ...questions.map((question) =>
              cell(
                question,
                row.answers.find((answer) => answer.q === question.id)
              )
            ),
          ]
        )
      ),
    }
  }
}
