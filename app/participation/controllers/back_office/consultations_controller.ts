import type { HttpContext } from '@adonisjs/core/http'
import Consultation from '#participation/models/consultation'
import ConsultationQuestion from '#participation/models/consultation_question'
import SaveConsultation, { type ConsultationInput } from '#participation/actions/save_consultation'
import TallyConsultation from '#participation/actions/consultation_results'
import ListTextAnswers from '#participation/actions/list_text_answers'
import ParticipationDashboard from '#participation/actions/participation_dashboard'
import ExportConsultationCsv from '#participation/actions/export_consultation_csv'
import { consultationFormValidator, textPageValidator } from '#participation/validators/back_office'
import { listRow, sendCsv } from '#participation/support/back_office'
import ParticipationItemsController, {
  ABILITY,
} from '#participation/controllers/back_office/participation_items_controller'

/** The current authority's consultations: questionnaire form, publication, results, export. */
export default class ConsultationsController extends ParticipationItemsController<ConsultationInput> {
  protected kind = 'consultation' as const
  protected validator = consultationFormValidator
  protected messages = {
    saved: 'Consultation enregistrée en brouillon.',
    published: 'Consultation publiée : elle s’ouvre aux citoyens à la date d’ouverture.',
    withdrawn: 'Publication retirée : la consultation est de nouveau en brouillon.',
  }

  protected save(collectivityId: number, input: ConsultationInput, id?: number) {
    return new SaveConsultation().handle(collectivityId, input, id)
  }

  protected async editValues(consultation: Consultation) {
    const questions = await ConsultationQuestion.query()
      .where('consultationId', consultation.id)
      .orderBy('position')
    return {
      questions: questions.map((question) => ({
        kind: question.kind,
        label: question.label,
        required: question.required,
        choices: question.choices.map((choice) => choice.label),
        maxChoices: question.kind === 'multiple' ? question.maxChoices : null,
        scaleMax: question.scaleMax,
      })),
    }
  }

  async results({ bouncer, tenant, params, request, inertia }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const consultation = await Consultation.findOwnedOrFail(tenant, params.id)
    const page = await request.validateUsing(textPageValidator, { data: request.qs() })
    const questions = await ConsultationQuestion.query()
      .where('consultationId', consultation.id)
      .orderBy('position')
    const textQuestion =
      questions.find((question) => question.id === page.question && question.kind === 'text') ??
      questions.find((question) => question.kind === 'text')
    const results = await new TallyConsultation().handle(consultation.id)
    const figures = await new ParticipationDashboard().handle('consultation', consultation.id)
    const texts = textQuestion
      ? await new ListTextAnswers().handle(consultation.id, textQuestion.id, {
          limit: 20,
          cursor: page.cursor,
        })
      : null
    return inertia.render('participation/consultations/results', {
      consultation: {
        ...listRow(consultation, results.totalSubmissions),
        resultsVisibility: consultation.resultsVisibility,
      },
      questions: questions.map((question) => ({
        id: question.id,
        position: question.position,
        kind: question.kind,
        label: question.label,
        scaleMax: question.scaleMax,
      })),
      results,
      figures,
      texts: textQuestion ? { questionId: textQuestion.id, ...texts! } : null,
    })
  }

  async export({ bouncer, tenant, params, response }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const consultation = await Consultation.findOwnedOrFail(tenant, params.id)
    return sendCsv(
      response,
      await new ExportConsultationCsv().handle(tenant.collectivityId, consultation.id)
    )
  }
}
