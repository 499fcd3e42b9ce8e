import type { OpenApiFragment } from '#kernel/http/openapi/types'
import { WRITE_ERRORS, citizenSecurity, data, errors, json, ref } from '#kernel/http/openapi/common'

const tags = ['Notifications']
const unavailable = json(ref('Error'), 'Notifications non configurées (clés VAPID absentes)')

const fragment: OpenApiFragment = {
  tags: [
    {
      name: 'Notifications',
      description:
        'Web Push (RFC 8030, chiffrement aes128gcm RFC 8291, identification VAPID RFC 8292) : les alertes des communes suivies, et pour un compte les nouvelles de ses signalements.',
    },
  ],
  paths: {
    '/api/v1/push/public-key': {
      get: {
        tags,
        operationId: 'pushPublicKey',
        summary: 'Clé publique VAPID (applicationServerKey)',
        responses: {
          200: json(
            data({
              type: 'object',
              required: ['public_key'],
              additionalProperties: false,
              properties: {
                public_key: {
                  type: 'string',
                  description: 'Base64url, point P-256 non compressé.',
                },
              },
            }),
            'Clé publique'
          ),
          503: unavailable,
        },
      },
    },
    '/api/v1/push/subscriptions': {
      post: {
        tags,
        operationId: 'subscribeToPush',
        summary: 'Abonner ce navigateur aux alertes de ses communes',
        description:
          'Remplace la liste des communes suivies par cet abonnement. Sans jeton : abonnement anonyme ; avec un jeton (`Authorization: Bearer`), il porte aussi les notifications du compte.',
        security: [{}, ...citizenSecurity],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('PushSubscriptionInput') } },
        },
        responses: {
          201: json(
            data({
              type: 'object',
              required: ['communes', 'signed_in'],
              additionalProperties: false,
              properties: {
                communes: { type: 'array', items: { type: 'string' } },
                signed_in: { type: 'boolean' },
              },
            }),
            'Abonnement enregistré'
          ),
          ...errors(401, ...WRITE_ERRORS),
        },
      },
    },
    '/api/v1/push/subscriptions/remove': {
      post: {
        tags,
        operationId: 'unsubscribeFromPush',
        summary: 'Désabonner ce navigateur',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['endpoint'],
                properties: { endpoint: { type: 'string' } },
              },
            },
          },
        },
        responses: {
          204: { description: 'Désabonné (ou déjà inconnu)' },
          ...errors(...WRITE_ERRORS),
        },
      },
    },
  },
  components: {
    schemas: {
      PushSubscriptionInput: {
        type: 'object',
        required: ['subscription', 'communes'],
        properties: {
          subscription: {
            type: 'object',
            description: 'Le `PushSubscription.toJSON()` du navigateur.',
            required: ['endpoint', 'keys'],
            properties: {
              endpoint: { type: 'string', format: 'uri' },
              keys: {
                type: 'object',
                required: ['p256dh', 'auth'],
                properties: { p256dh: { type: 'string' }, auth: { type: 'string' } },
              },
            },
          },
          communes: {
            type: 'array',
            minItems: 1,
            maxItems: 20,
            items: { type: 'string', description: 'Code INSEE' },
          },
        },
      },
    },
  },
}

export default fragment
