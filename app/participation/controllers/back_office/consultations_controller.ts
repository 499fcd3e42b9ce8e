import type { HttpContext } from '@adonisjs/core/http'
import Consultation from '#participation/models/consultation'
import ConsultationQuestion from '#participation/models/consultation_question'
import SaveConsultation from '#participation/actions/save_consultation'
import PublishParticipation from '#participation/actions/publish_participation'
import WithdrawParticipation from '#participation/actions/withdraw_participation'
import TallyConsultation from '#participation/actions/consultation_results'
import ListTextAnswers from '#participation/actions/list_text_answers'
import ParticipationDashboard from '#participation/actions/participation_dashboard'
import ExportConsultationCsv from '#participation/actions/export_consultation_csv'
import {
  consultationFormValidator,
  listFiltersValidator,
  textPageValidator,
} from '#participation/validators/back_office'
import {
  answerCounts,
  commonFormValues,
  formOptions,
  listRow,
  routeId,
  sendCsv,
  windowOf,
} from '#participation/support/back_office'

const ABILITY = 'participation.manage'

/** The current authority's consultations: questionnaire form, publication, results, export. */
export default class ConsultationsController {
  async index({ bouncer, tenant, request, inertia, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const filters = await request.validateUsing(listFiltersValidator, { data: request.qs() })
    const items = await Consultation.ownedBy(tenant).orderBy('opens_at', 'desc').limit(200)
    const counts = await answerCounts(
      'consultation',
      items.map((item) => item.id)
    )
    let editing = null
    if (filters.edit && filters.edit !== 'new') {
      const consultation = await Consultation.findOwnedOrFail(tenant, filters.edit)
      const questions = await ConsultationQuestion.query()
        .where('consultationId', consultation.id)
        .orderBy('position')
      editing = {
        ...listRow(consultation, counts.get(consultation.id) ?? 0),
        values: {
          ...commonFormValues(consultation),
          questions: questions.map((question) => ({
            kind: question.kind,
            label: question.label,
            required: question.required,
            choices: question.choices.map((choice) => choice.label),
            maxChoices: question.kind === 'multiple' ? question.maxChoices : null,
            scaleMax: question.scaleMax,
          })),
        },
      }
    }
    return inertia.render('participation/consultations/index', {
      featureOn: tenant.collectivity.isModuleEnabled('consultations'),
      creating:
        filters.edit === 'new' || (!filters.edit && session.flashMessages.has('inputErrorsBag')),
      editing,
      items: items.map((item) => listRow(item, counts.get(item.id) ?? 0)),
      options: formOptions,
    })
  }

  async store({ bouncer, tenant, request, response, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const values = await request.validateUsing(consultationFormValidator)
    const consultation = await new SaveConsultation().handle(tenant.collectivityId, {
      ...values,
      ...windowOf(values),
    })
    session.flash('success', 'Consultation enregistrée en brouillon.')
    return response.redirect(`/participation/consultations?edit=${consultation.id}`)
  }

  async update({ bouncer, tenant, params, request, response, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const consultation = await Consultation.findOwnedOrFail(tenant, params.id)
    const values = await request.validateUsing(consultationFormValidator)
    await new SaveConsultation().handle(
      tenant.collectivityId,
      { ...values, ...windowOf(values) },
      consultation.id
    )
    session.flash('success', 'Modifications enregistrées.')
    return response.redirect(`/participation/consultations?edit=${consultation.id}`)
  }

  async publish({ bouncer, tenant, params, response, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const item = await new PublishParticipation().handle(
      'consultation',
      tenant.collectivityId,
      routeId(params.id)
    )
    session.flash(
      'success',
      'Consultation publiée : elle s’ouvre aux citoyens à la date d’ouverture.'
    )
    return response.redirect(`/participation/consultations?edit=${item.id}`)
  }

  async withdraw({ bouncer, tenant, params, response, session }: HttpContext) {
    await bouncer.authorize('act', ABILITY)
    const item = await new WithdrawParticipation().handle(
      'consultation',
      tenant.collectivityId,
      routeId(params.id)
    )
    session.flash('success', 'Publication retirée : la consultation est de nouveau en brouillon.')
    return response.redirect(`/participation/consultations?edit=${item.id}`)
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
