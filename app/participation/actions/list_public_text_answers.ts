import { DateTime } from 'luxon'
import type { Audience } from '#info/actions/resolve_audience'
import type { PageRequest } from '#kernel/http/pagination'
import { ForbiddenError } from '#kernel/http/errors'
import { findPublicConsultation } from '#participation/actions/show_consultation'
import ListTextAnswers from '#participation/actions/list_text_answers'

/** The free-text answers of a public consultation, once its results are public (403 before). */
export default class ListPublicTextAnswers {
  async handle(
    audience: Audience,
    consultationId: number,
    questionId: number,
    page: PageRequest,
    now: DateTime = DateTime.now()
  ) {
    const consultation = await findPublicConsultation(audience, consultationId, now)
    if (!consultation.resultsPublicAt(now)) {
      throw new ForbiddenError(
        consultation.resultsVisibility === 'never'
          ? 'Les résultats de cette consultation ne sont pas publiés.'
          : 'Les résultats seront publiés à la clôture de la consultation.',
        'E_RESULTS_NOT_PUBLIC'
      )
    }
    return new ListTextAnswers().handle(consultation.id, questionId, page)
  }
}
