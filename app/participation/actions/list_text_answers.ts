import ConsultationAnswer from '#participation/models/consultation_answer'
import ConsultationQuestion from '#participation/models/consultation_question'
import { paginateByCursor, type PageRequest } from '#kernel/http/pagination'
import { DomainError, NotFoundError } from '#kernel/http/errors'

/**
 * The free-text answers to one question of a consultation, oldest first, a page at a time.
 * Only the text: never who wrote it.
 */
export default class ListTextAnswers {
  async handle(consultationId: number, questionId: number, page: PageRequest) {
    const question = await ConsultationQuestion.query()
      .where({ id: questionId, consultationId })
      .first()
    if (!question) throw new NotFoundError('Question introuvable')
    if (question.kind !== 'text') {
      throw new DomainError(
        'E_NOT_TEXT_QUESTION',
        'Cette question n’appelle pas de réponse libre',
        422,
        'question_id'
      )
    }
    const query = ConsultationAnswer.query()
      .where('questionId', question.id)
      .whereNotNull('textValue')
    const result = await paginateByCursor(query, page, {
      listing: `participation.texts.${question.id}`,
      column: 'id',
      direction: 'asc',
    })
    return result.toJSON((answer: ConsultationAnswer) => ({
      id: answer.id,
      text: answer.textValue!,
    }))
  }
}
