import type { OpenApiFragment } from '#kernel/http/openapi/types'
import { citizenSecurity, errors, json, ref } from '#kernel/http/openapi/common'
import {
  count,
  dateTime,
  itemPaths,
  itemProperties,
  itemRequired,
  tags,
} from '#participation/openapi/shared'
import { vineBody } from '#kernel/http/openapi/vine_schema'
import { pollAnswerValidator } from '#participation/validators/api'

const answerBody = vineBody(pollAnswerValidator, {
  option_ids: {
    description: 'Les options choisies : une pour un choix simple, de 1 à `max_choices` sinon.',
  },
})

const fragment: OpenApiFragment = {
  tags: [
    {
      name: 'Participation',
      description:
        'Sondages et consultations d’une collectivité, de son EPCI et de son département ; réponses des citoyens.',
    },
  ],
  paths: {
    ...itemPaths({
      collection: 'polls',
      answers: 'answers',
      schema: 'Poll',
      answerSchema: 'PollAnswer',
      answerBody,
      list: {
        operationId: 'listPolls',
        summary: 'Sondages ouverts et clos (commune + EPCI + département)',
        response: 'Sondages, les plus récemment ouverts d’abord',
      },
      show: {
        operationId: 'showPoll',
        summary: 'Un sondage, ses options, et ses résultats s’ils sont publics',
        response: 'Sondage',
      },
      submit: {
        operationId: 'answerPoll',
        summary: 'Répondre à un sondage (une réponse par citoyen)',
        description:
          '409 hors de la période de réponse (avec la date), ou si le citoyen a déjà répondu ; 403 hors du public visé (avec la raison) ; 422 pour une option inconnue ou un nombre de choix hors règle.',
        response: 'Réponse enregistrée',
      },
      showAnswer: {
        operationId: 'showPollAnswer',
        summary: 'Sa propre réponse (celle d’un autre : 404)',
        response: 'Réponse',
      },
      change: {
        operationId: 'changePollAnswer',
        summary: 'Changer sa réponse jusqu’à la clôture, si le sondage le permet',
        description:
          'Le public visé est vérifié de nouveau : qui a quitté la collectivité ne peut plus changer sa réponse (403).',
        response: 'Réponse modifiée',
      },
    }),
    '/api/v1/me/participations': {
      get: {
        tags,
        operationId: 'myParticipations',
        summary: 'Mes participations (sondages, consultations), la plus récemment modifiée d’abord',
        security: citizenSecurity,
        responses: {
          200: json(
            {
              type: 'object',
              required: ['data'],
              additionalProperties: false,
              properties: { data: { type: 'array', items: ref('MyParticipation') } },
            },
            'Participations'
          ),
          ...errors(401),
        },
      },
    },
  },
  components: {
    schemas: {
      ParticipationItem: {
        type: 'object',
        required: itemRequired,
        additionalProperties: false,
        properties: itemProperties,
      },
      Poll: {
        type: 'object',
        required: [
          ...itemRequired,
          'selection',
          'max_choices',
          'allow_change',
          'options',
          'results',
        ],
        additionalProperties: false,
        properties: {
          ...itemProperties,
          selection: { type: 'string', enum: ['single', 'multiple'] },
          max_choices: { type: 'integer', minimum: 1 },
          allow_change: {
            type: 'boolean',
            description: 'La réponse peut être changée jusqu’à la clôture.',
          },
          options: {
            type: 'array',
            minItems: 2,
            maxItems: 20,
            items: {
              type: 'object',
              required: ['id', 'label'],
              additionalProperties: false,
              properties: { id: { type: 'integer' }, label: { type: 'string' } },
            },
          },
          results: {
            oneOf: [
              { type: 'null' },
              {
                type: 'object',
                required: ['total_answers', 'options'],
                additionalProperties: false,
                properties: {
                  total_answers: { type: 'integer', minimum: 0 },
                  options: { type: 'array', items: count },
                },
              },
            ],
            description: 'Null tant que les résultats ne sont pas publics.',
          },
        },
      },
      PollAnswer: {
        type: 'object',
        required: ['id', 'poll_id', 'option_ids', 'created_at', 'updated_at'],
        additionalProperties: false,
        properties: {
          id: { type: 'integer' },
          poll_id: { type: 'integer' },
          option_ids: { type: 'array', items: { type: 'integer' } },
          created_at: dateTime,
          updated_at: dateTime,
        },
      },
      MyParticipation: {
        type: 'object',
        required: [
          'type',
          'id',
          'title',
          'state',
          'closes_at',
          'answer_id',
          'answered_at',
          'updated_at',
          'can_change',
          'authority',
        ],
        additionalProperties: false,
        properties: {
          type: { type: 'string', description: '`poll`, `consultation` (et `budget`).' },
          id: { type: 'integer', description: 'L’élément (sondage, consultation…).' },
          title: { type: 'string' },
          state: { type: 'string', enum: ['upcoming', 'open', 'closed'] },
          closes_at: dateTime,
          answer_id: {
            type: 'integer',
            description: 'Sa réponse (ou soumission), pour la modifier.',
          },
          answered_at: dateTime,
          updated_at: dateTime,
          can_change: { type: 'boolean' },
          authority: itemProperties.authority,
        },
      },
    },
  },
}

export default fragment
