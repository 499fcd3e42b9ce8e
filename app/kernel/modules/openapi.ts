import type { OpenApiFragment } from '#kernel/http/openapi/types'
import { data, errors, json } from '#kernel/http/openapi/common'

const fragment: OpenApiFragment = {
  tags: [{ name: 'Vocabulaires', description: 'Libellés français des codes renvoyés par l’API.' }],
  paths: {
    '/api/v1/vocabularies': {
      get: {
        tags: ['Vocabulaires'],
        operationId: 'listVocabularies',
        summary: 'Libellés français de tous les codes',
        description:
          'Par vocabulaire (allergens, dish_labels, courses, meals, place_categories, event_categories, contact_themes, alert_kinds…), chaque code et son libellé. Chaque module apporte les siens ; les applications les affichent sans les coder en dur.',
        responses: {
          200: json(data({ $ref: '#/components/schemas/Vocabularies' }), 'Vocabulaires'),
          ...errors(),
        },
      },
    },
  },
  components: {
    schemas: {
      Vocabularies: {
        type: 'object',
        description: 'Nom du vocabulaire → (code → libellé français).',
        additionalProperties: {
          type: 'object',
          additionalProperties: { type: 'string', minLength: 1 },
        },
      },
    },
  },
}

export default fragment
