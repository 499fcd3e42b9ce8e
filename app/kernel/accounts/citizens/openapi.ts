import type { OpenApiFragment } from '#kernel/http/openapi/types'
import {
  citizenSecurity,
  data,
  errors,
  json,
  pageParameters,
  paginated,
  ref,
  WRITE_ERRORS,
} from '#kernel/http/openapi/common'
import {
  deleteCitizenAccountValidator,
  forgotCitizenPasswordValidator,
  loginCitizenValidator,
  registerCitizenValidator,
  resetCitizenPasswordValidator,
  updateCitizenProfileValidator,
  verifyCitizenEmailValidator,
} from '#kernel/accounts/citizens/validators'
import { vineBody } from '#kernel/http/openapi/vine_schema'

const tags = ['Compte citoyen']
/* Request bodies come from the validators themselves (vineBody); only words are added here. */
const password = { format: 'password' }
const communeCode = {
  description: 'Code INSEE de la commune de résidence (null pour l’oublier).',
  examples: ['32013'],
}
const mailedToken = { description: 'Le code reçu par e-mail.' }
/** GET of a mailed link's token: checked, never spent (the page the link opens asks first). */
function mailedLinkCheck(operationId: string, summary: string) {
  return {
    get: {
      tags,
      operationId,
      summary,
      description:
        'Ne consomme pas le jeton. 410 `E_LINK_EXPIRED` : le lien a expiré ; 410 `E_LINK_USED` : il a déjà servi ou un lien plus récent l’a remplacé.',
      parameters: [
        { name: 'token', in: 'path', required: true, schema: { type: 'string' }, ...mailedToken },
      ],
      responses: {
        200: json(
          data({
            type: 'object',
            required: ['expires_at'],
            additionalProperties: false,
            properties: { expires_at: { type: 'string', format: 'date-time' } },
          }),
          'Le lien marche encore'
        ),
        410: json(ref('Error'), 'Lien expiré ou déjà utilisé'),
      },
    },
  }
}

const message = data({
  type: 'object',
  required: ['message'],
  additionalProperties: false,
  properties: { message: { type: 'string' } },
})
const noContent = (description: string) => ({ description })

const citizenSchema = {
  type: 'object',
  required: [
    'id',
    'email',
    'display_name',
    'email_verified',
    'email_verified_at',
    'home_commune',
    'created_at',
  ],
  additionalProperties: false,
  properties: {
    id: { type: 'integer' },
    email: { type: 'string', format: 'email' },
    display_name: { type: 'string' },
    email_verified: { type: 'boolean' },
    email_verified_at: { type: ['string', 'null'], format: 'date-time' },
    home_commune: {
      oneOf: [
        {
          type: 'object',
          required: ['id', 'code', 'name', 'slug'],
          additionalProperties: false,
          properties: {
            id: { type: 'integer' },
            code: { type: 'string' },
            name: { type: 'string' },
            slug: { type: 'string' },
          },
        },
        { type: 'null' },
      ],
    },
    created_at: { type: 'string', format: 'date-time' },
  },
}

const fragment: OpenApiFragment = {
  tags: [
    {
      name: 'Compte citoyen',
      description: 'Inscription, connexion, profil, données personnelles (RGPD).',
    },
  ],
  paths: {
    '/api/v1/auth/register': {
      post: {
        tags,
        operationId: 'registerCitizen',
        summary: 'Créer un compte',
        description: [
          'Crée le compte et envoie un lien de vérification de l’adresse e-mail.',
          'Pour une adresse qui a déjà un compte, rien n’est créé et un e-mail le dit à son titulaire :',
          'la réponse est la même dans les deux cas (et arrive dans le même délai), pour ne révéler à personne qui a un compte.',
          'Se connecter ensuite avec `POST /api/v1/auth/login`.',
        ].join(' '),
        requestBody: vineBody(registerCitizenValidator, {
          password,
          home_commune_code: communeCode,
        }),
        responses: {
          202: json(message, 'Demande prise en compte : un e-mail part vers l’adresse'),
          ...errors(...WRITE_ERRORS),
        },
      },
    },
    '/api/v1/auth/login': {
      post: {
        tags,
        operationId: 'loginCitizen',
        summary: 'Se connecter',
        description: 'Échange adresse et mot de passe contre un jeton d’accès (valable 90 jours).',
        requestBody: vineBody(loginCitizenValidator, {
          password,
          device_name: { description: 'Nom de l’appareil, pour s’y retrouver.' },
        }),
        responses: {
          200: json(
            data({
              type: 'object',
              required: ['token', 'citizen'],
              additionalProperties: false,
              properties: { token: ref('AccessToken'), citizen: ref('Citizen') },
            }),
            'Connecté'
          ),
          ...errors(401, ...WRITE_ERRORS),
        },
      },
    },
    '/api/v1/auth/logout': {
      post: {
        tags,
        operationId: 'logoutCitizen',
        summary: 'Se déconnecter',
        description: 'Révoque le jeton utilisé pour cette requête.',
        security: citizenSecurity,
        responses: { 204: noContent('Jeton révoqué'), ...errors(401, 429) },
      },
    },
    '/api/v1/auth/me': {
      get: {
        tags,
        operationId: 'showCitizen',
        summary: 'Mon compte',
        security: citizenSecurity,
        responses: { 200: json(data(ref('Citizen')), 'Le compte connecté'), ...errors(401) },
      },
      patch: {
        tags,
        operationId: 'updateCitizen',
        summary: 'Modifier mon profil',
        security: citizenSecurity,
        requestBody: vineBody(updateCitizenProfileValidator, { home_commune_code: communeCode }),
        responses: {
          200: json(data(ref('Citizen')), 'Profil modifié'),
          ...errors(401, ...WRITE_ERRORS),
        },
      },
    },
    '/api/v1/auth/sessions': {
      get: {
        tags,
        operationId: 'listCitizenSessions',
        summary: 'Mes appareils connectés',
        description: 'Les jetons d’accès en cours de validité, du plus récent au plus ancien.',
        security: citizenSecurity,
        parameters: pageParameters,
        responses: {
          200: json(paginated(ref('CitizenSession')), 'Une page de sessions'),
          ...errors(400, 401, 422),
        },
      },
    },
    '/api/v1/auth/verify-email': {
      post: {
        tags,
        operationId: 'verifyCitizenEmail',
        summary: 'Vérifier mon adresse e-mail',
        requestBody: vineBody(verifyCitizenEmailValidator, { token: mailedToken }),
        responses: {
          200: json(data(ref('Citizen')), 'Adresse vérifiée'),
          ...errors(...WRITE_ERRORS),
        },
      },
    },
    '/api/v1/auth/verify-email/{token}': mailedLinkCheck(
      'checkCitizenVerificationLink',
      'Le lien de vérification marche-t-il encore ?'
    ),
    '/api/v1/auth/verify-email/resend': {
      post: {
        tags,
        operationId: 'resendCitizenVerification',
        summary: 'Recevoir un nouveau lien de vérification',
        security: citizenSecurity,
        responses: { 202: json(message, 'Lien envoyé'), ...errors(401, 409, 429) },
      },
    },
    '/api/v1/auth/forgot-password': {
      post: {
        tags,
        operationId: 'forgotCitizenPassword',
        summary: 'Mot de passe oublié',
        description:
          'Envoie un lien si un compte existe ; la réponse est la même dans tous les cas.',
        requestBody: vineBody(forgotCitizenPasswordValidator),
        responses: { 202: json(message, 'Demande prise en compte'), ...errors(...WRITE_ERRORS) },
      },
    },
    '/api/v1/auth/reset-password/{token}': mailedLinkCheck(
      'checkCitizenResetLink',
      'Le lien de changement de mot de passe marche-t-il encore ?'
    ),
    '/api/v1/auth/reset-password': {
      post: {
        tags,
        operationId: 'resetCitizenPassword',
        summary: 'Choisir un nouveau mot de passe',
        description:
          'Avec le code reçu par e-mail. Tous les jetons d’accès du compte sont révoqués.',
        requestBody: vineBody(resetCitizenPasswordValidator, { token: mailedToken, password }),
        responses: { 204: noContent('Mot de passe changé'), ...errors(...WRITE_ERRORS) },
      },
    },
    '/api/v1/me/export': {
      get: {
        tags,
        operationId: 'exportCitizenData',
        summary: 'Exporter mes données (RGPD)',
        security: citizenSecurity,
        responses: {
          200: json(ref('CitizenDataExport'), 'Toutes les données du compte'),
          ...errors(401),
        },
      },
    },
    '/api/v1/me': {
      delete: {
        tags,
        operationId: 'deleteCitizen',
        summary: 'Supprimer mon compte (RGPD)',
        description:
          'Supprime le compte et efface ou anonymise toutes les données personnelles, après confirmation du mot de passe.',
        security: citizenSecurity,
        requestBody: vineBody(deleteCitizenAccountValidator, { password }),
        responses: { 204: noContent('Compte supprimé'), ...errors(401, ...WRITE_ERRORS) },
      },
    },
  },
  components: {
    schemas: {
      Citizen: citizenSchema,
      CitizenSession: {
        type: 'object',
        required: ['id', 'name', 'current', 'created_at', 'last_used_at', 'expires_at'],
        additionalProperties: false,
        properties: {
          id: { type: 'integer' },
          name: { type: ['string', 'null'] },
          current: { type: 'boolean', description: 'Le jeton de cette requête.' },
          created_at: { type: 'string', format: 'date-time' },
          last_used_at: {
            type: ['string', 'null'],
            format: 'date-time',
            description: 'Dernière utilisation du jeton, à cinq minutes près.',
          },
          expires_at: { type: ['string', 'null'], format: 'date-time' },
        },
      },
      AccessToken: {
        type: 'object',
        required: ['type', 'value', 'expires_at'],
        additionalProperties: false,
        properties: {
          type: { const: 'bearer' },
          value: { type: 'string', description: 'À envoyer dans `Authorization: Bearer <value>`.' },
          expires_at: { type: ['string', 'null'], format: 'date-time' },
        },
      },
      CitizenDataExport: {
        type: 'object',
        required: ['exported_at', 'account', 'media', 'push_subscriptions', 'modules'],
        additionalProperties: false,
        properties: {
          exported_at: { type: 'string', format: 'date-time' },
          account: {
            type: 'object',
            required: [...citizenSchema.required, 'updated_at', 'access_tokens'],
            additionalProperties: false,
            properties: {
              ...citizenSchema.properties,
              updated_at: { type: 'string', format: 'date-time' },
              access_tokens: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['name', 'created_at', 'last_used_at', 'expires_at'],
                  additionalProperties: false,
                  properties: {
                    name: { type: ['string', 'null'] },
                    created_at: { type: ['string', 'null'], format: 'date-time' },
                    last_used_at: { type: ['string', 'null'], format: 'date-time' },
                    expires_at: { type: ['string', 'null'], format: 'date-time' },
                  },
                },
              },
            },
          },
          media: {
            type: 'array',
            description:
              'Les photos et vidéos envoyées, les plus anciennes d’abord ; adresses publiques une fois prêtes (jamais l’original).',
            items: {
              type: 'object',
              required: ['id', 'kind', 'state', 'mime', 'created_at', 'variants'],
              additionalProperties: false,
              properties: {
                id: { type: 'integer' },
                kind: { enum: ['image', 'video'] },
                state: { enum: ['pending', 'processing', 'ready', 'failed'] },
                mime: { type: 'string' },
                created_at: { type: 'string', format: 'date-time' },
                variants: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['name', 'url'],
                    additionalProperties: false,
                    properties: {
                      name: { type: 'string' },
                      url: { type: 'string', format: 'uri' },
                    },
                  },
                },
              },
            },
          },
          push_subscriptions: {
            type: 'array',
            description:
              'Les navigateurs qui reçoivent les alertes en étant connectés à ce compte (sans leurs clés de chiffrement), les plus anciens d’abord.',
            items: {
              type: 'object',
              required: ['endpoint', 'created_at', 'updated_at', 'communes'],
              additionalProperties: false,
              properties: {
                endpoint: { type: 'string', format: 'uri' },
                created_at: { type: 'string', format: 'date-time' },
                updated_at: { type: 'string', format: 'date-time' },
                communes: {
                  type: 'array',
                  items: { type: 'string' },
                  description: 'Codes INSEE des communes suivies.',
                },
              },
            },
          },
          modules: {
            type: 'object',
            description: 'Les données tenues par chaque module, par clé de module.',
            additionalProperties: { type: 'object' },
          },
        },
      },
    },
  },
}

export default fragment
