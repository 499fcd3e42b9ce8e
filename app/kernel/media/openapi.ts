import type { OpenApiFragment } from '#kernel/http/openapi/types'
import { citizenSecurity, data, errors, json, ref, WRITE_ERRORS } from '#kernel/http/openapi/common'

const tags = ['Médias']

const fragment: OpenApiFragment = {
  tags: [
    {
      name: 'Médias',
      description: 'Photos et vidéos envoyées par les citoyens (signalements, propositions…).',
    },
  ],
  paths: {
    '/api/v1/media': {
      post: {
        tags,
        operationId: 'uploadMedia',
        summary: 'Envoyer une photo ou une vidéo',
        description: [
          'Réservé aux comptes dont l’adresse e-mail est vérifiée (403 `E_EMAIL_NOT_VERIFIED` sinon).',
          'Formulaire multipart : `file` (le fichier) et `collectivity` (code officiel de la collectivité concernée).',
          'Le type est reconnu au contenu, jamais au nom : photos JPEG, PNG, WebP, HEIC ; vidéos MP4, MOV, WebM.',
          'Limites par défaut : photo 15 Mo, vidéo 200 Mo et 3 minutes.',
          'Réponse `pending` : le traitement (orientation, suppression des métadonnées et de la position GPS,',
          'variantes) se fait en tâche de fond ; les adresses des variantes apparaissent quand `state` vaut `ready`.',
        ].join(' '),
        security: citizenSecurity,
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file', 'collectivity'],
                properties: {
                  file: { type: 'string', contentMediaType: 'application/octet-stream' },
                  collectivity: { type: 'string', examples: ['32013'] },
                },
              },
            },
          },
        },
        responses: {
          201: json(data(ref('Media')), 'Média reçu, en attente de traitement'),
          415: json(ref('Error'), 'Type de fichier non accepté (reconnu au contenu)'),
          ...errors(401, 403, 404, ...WRITE_ERRORS),
        },
      },
    },
    '/api/v1/me/media/{id}': {
      get: {
        tags,
        operationId: 'showMyMedia',
        summary: 'Suivre le traitement d’une photo ou d’une vidéo que j’ai envoyée',
        description: [
          'Seulement les médias envoyés par le citoyen connecté : celui d’un autre répond 404 `E_MEDIA_NOT_FOUND`.',
          '`state` passe de `pending` à `processing`, puis `ready` (variantes et leurs adresses publiques)',
          'ou `failed` (avec `failure`). Un signalement n’accepte que des médias `ready` :',
          'interrogez cette adresse en espaçant les demandes (1, 2, 4… secondes) avant de l’envoyer.',
        ].join(' '),
        security: citizenSecurity,
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
        ],
        responses: {
          200: json(data(ref('Media')), 'Le média et son état de traitement'),
          ...errors(401, 404),
        },
      },
    },
  },
  components: {
    schemas: {
      Media: {
        type: 'object',
        required: [
          'id',
          'kind',
          'state',
          'mime',
          'width',
          'height',
          'duration_ms',
          'placeholder',
          'variants',
        ],
        additionalProperties: false,
        properties: {
          id: { type: 'integer' },
          kind: { type: 'string', enum: ['image', 'video'] },
          state: {
            type: 'string',
            enum: ['pending', 'processing', 'ready', 'failed'],
            description:
              'Les variantes (et leurs adresses) ne sont données que dans l’état `ready`.',
          },
          mime: { type: 'string', description: 'Type de l’original, reconnu au contenu.' },
          width: { type: ['integer', 'null'] },
          height: { type: ['integer', 'null'] },
          duration_ms: { type: ['integer', 'null'] },
          placeholder: {
            oneOf: [
              {
                type: 'object',
                required: ['blurhash', 'dominant_colour'],
                additionalProperties: false,
                properties: {
                  blurhash: { type: 'string' },
                  dominant_colour: { type: 'string', pattern: '^#[0-9a-f]{6}$' },
                },
              },
              { type: 'null' },
            ],
          },
          variants: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'url', 'mime', 'width', 'height', 'bytes'],
              additionalProperties: false,
              properties: {
                name: { type: 'string', examples: ['w800.webp', 'video.mp4', 'poster.jpg'] },
                url: {
                  type: 'string',
                  format: 'uri',
                  description: 'Contenu immuable, mis en cache un an.',
                },
                mime: { type: 'string' },
                width: { type: 'integer' },
                height: { type: 'integer' },
                bytes: { type: 'integer' },
              },
            },
          },
          failure: {
            type: 'object',
            required: ['code', 'reason'],
            additionalProperties: false,
            properties: { code: { type: 'string' }, reason: { type: 'string' } },
          },
        },
      },
    },
  },
}

export default fragment
