import { DateTime } from 'luxon'
import type { Audience } from '#info/actions/resolve_audience'
import { NotFoundError } from '#kernel/http/errors'
import Consultation from '#participation/models/consultation'
import ConsultationQuestion from '#participation/models/consultation_question'
import TallyConsultation from '#participation/actions/consultation_results'
import { consultationJson } from '#participation/transformers/participation'

/** A public consultation of the authority's lineage (404 otherwise): the citizen's view. */
export async function findPublicConsultation(audience: Audience, id: number, now: DateTime) {
  audience.requireFeature('consultations')
  const consultation = await Consultation.visibleFrom(audience).where('id', id).first()
  if (!consultation || !consultation.isPublicAt(now))
    throw new NotFoundError('Consultation introuvable')
  return consultation
}

/** One consultation, its questions in order, and its results when they are public. */
export default class ShowConsultation {
  async handle(audience: Audience, id: number, now: DateTime = DateTime.now()) {
    const consultation = await findPublicConsultation(audience, id, now)
    const questions = await ConsultationQuestion.query()
      .where('consultationId', consultation.id)
      .orderBy('position')
    const results = consultation.resultsPublicAt(now)
      ? await new TallyConsultation().handle(consultation.id)
      : null
    return { data: consultationJson(consultation, questions, results, audience, now) }
  }
}
