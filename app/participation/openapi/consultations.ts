import type { OpenApiFragment, OpenApiObject } from '#kernel/http/openapi/types'
import { errors, json, pageParameters, paginated } from '#kernel/http/openapi/common'
import {
  codeParameter,
  count,
  dateTime,
  itemPaths,
  itemProperties,
  itemRequired,
  pathId,
  tags,
  text,
} from '#participation/openapi/shared'
import { vineBody } from '#kernel/http/openapi/vine_schema'
import { consultationSubmissionValidator } from '#participation/validators/api'

const nullableInteger = { type: ['integer', 'null'] }

/** Words for the fields of each answer; their rules come from the validator. */
const answerWords: Record<string, string> = {
  choice_ids: 'Questions à choix : les choix retenus.',
  value: 'Échelle : la note, de 1 à `scale_max`.',
  text: 'Réponse libre.',
}
const submissionBody = vineBody(consultationSubmissionValidator, {
  answers: {
    description: 'Une entrée par question répondue ; les questions obligatoires doivent y être.',
  },
})
const answerFields = (
  submissionBody.content['application/json'].schema.properties.answers.items as {
    properties: Record<string, OpenApiObject>
  }
).properties
for (const [name, description] of Object.entries(answerWords)) {
  if (!answerFields[name]) throw new Error(`OpenAPI: an answer has no field "${name}"`)
  answerFields[name].description = description
}

const fragment: OpenApiFragment = {
  paths: {
    ...itemPaths({
      collection: 'consultations',
      answers: 'submissions',
      schema: 'Consultation',
      answerSchema: 'ConsultationSubmission',
      answerBody: submissionBody,
      list: {
        operationId: 'listConsultations',
        summary: 'Consultations ouvertes et closes (commune + EPCI + département)',
        response: 'Consultations, les plus récemment ouvertes d’abord',
      },
      show: {
        operationId: 'showConsultation',
        summary: 'Une consultation, ses questions dans l’ordre, ses résultats s’ils sont publics',
        response: 'Consultation',
      },
      submit: {
        operationId: 'submitConsultation',
        summary: 'Répondre à une consultation (une soumission par citoyen)',
        response: 'Réponses enregistrées',
      },
      showAnswer: {
        operationId: 'showConsultationSubmission',
        summary: 'Sa propre soumission (celle d’un autre : 404)',
        response: 'Soumission',
      },
      change: {
        operationId: 'changeConsultationSubmission',
        summary: 'Modifier ses réponses jusqu’à la clôture',
        description:
          'Le public visé est vérifié de nouveau : qui a quitté la collectivité ne peut plus modifier ses réponses (403).',
        response: 'Réponses modifiées',
      },
    }),
    '/api/v1/collectivities/{code}/consultations/{id}/questions/{questionId}/answers': {
      get: {
        tags,
        operationId: 'listConsultationTextAnswers',
        summary: 'Les réponses libres à une question, page par page (sans leurs auteurs)',
        parameters: [codeParameter, pathId('id'), pathId('questionId'), ...pageParameters],
        responses: {
          200: json(
            paginated({
              type: 'object',
              required: ['id', 'text'],
              additionalProperties: false,
              properties: { id: { type: 'integer' }, text: { type: 'string' } },
            }),
            'Réponses libres, les plus anciennes d’abord'
          ),
          ...errors(400, 403, 404, 422),
        },
      },
    },
  },
  components: {
    schemas: {
      Consultation: {
        type: 'object',
        required: [...itemRequired, 'questions', 'results'],
        additionalProperties: false,
        properties: {
          ...itemProperties,
          questions: {
            type: 'array',
            items: {
              type: 'object',
              required: [
                'id',
                'position',
                'kind',
                'label',
                'required',
                'choices',
                'max_choices',
                'scale_max',
              ],
              additionalProperties: false,
              properties: {
                id: { type: 'integer' },
                position: { type: 'integer' },
                kind: { type: 'string', enum: ['single', 'multiple', 'scale', 'text'] },
                label: { type: 'string' },
                required: { type: 'boolean' },
                choices: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['id', 'label'],
                    additionalProperties: false,
                    properties: { id: { type: 'integer' }, label: { type: 'string' } },
                  },
                },
                max_choices: nullableInteger,
                scale_max: { type: ['integer', 'null'], enum: [5, 10, null] },
              },
            },
          },
          results: {
            oneOf: [
              { type: 'null' },
              {
                type: 'object',
                required: ['total_submissions', 'questions'],
                additionalProperties: false,
                properties: {
                  total_submissions: { type: 'integer', minimum: 0 },
                  questions: {
                    type: 'array',
                    items: {
                      type: 'object',
                      required: ['question_id', 'answered'],
                      additionalProperties: false,
                      properties: {
                        question_id: { type: 'integer' },
                        answered: { type: 'integer', minimum: 0 },
                        choices: { type: 'array', items: count },
                        scale: {
                          type: 'array',
                          items: {
                            type: 'object',
                            required: ['value', 'count'],
                            additionalProperties: false,
                            properties: { value: { type: 'integer' }, count: { type: 'integer' } },
                          },
                        },
                        mean: { type: ['number', 'null'] },
                      },
                    },
                  },
                },
              },
            ],
            description:
              'Distributions par question ; null tant que les résultats ne sont pas publics.',
          },
        },
      },
      ConsultationSubmission: {
        type: 'object',
        required: ['id', 'consultation_id', 'answers', 'created_at', 'updated_at'],
        additionalProperties: false,
        properties: {
          id: { type: 'integer' },
          consultation_id: { type: 'integer' },
          answers: {
            type: 'array',
            items: {
              type: 'object',
              required: ['question_id', 'choice_ids', 'value', 'text'],
              additionalProperties: false,
              properties: {
                question_id: { type: 'integer' },
                choice_ids: { type: ['array', 'null'], items: { type: 'integer' } },
                value: nullableInteger,
                text,
              },
            },
          },
          created_at: dateTime,
          updated_at: dateTime,
        },
      },
    },
  },
}

export default fragment
