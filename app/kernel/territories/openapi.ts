import type { OpenApiFragment } from '#kernel/http/openapi/types'
import { data, errors, json, ref } from '#kernel/http/openapi/common'
import { searchCollectivitiesValidator } from '#kernel/territories/validators/collectivity_validators'
import { vineQueryParameters } from '#kernel/http/openapi/vine_schema'
import { SEARCH_LIMIT } from '#kernel/territories/actions/search_collectivities'
import { NEAR_LIMIT } from '#kernel/territories/actions/find_communes_near'

const tags = ['Collectivités']
const kind = { type: 'string', enum: ['departement', 'epci', 'commune'] }
const status = {
  type: 'string',
  enum: ['listed', 'onboarded'],
  description: '`onboarded` : la collectivité est sur Bastide ; `listed` : connue seulement.',
}
const postalCodes = { type: 'array', items: { type: 'string', pattern: '^\\d{5}$' } }
const population = { type: ['integer', 'null'], description: 'Population municipale (INSEE).' }
const codeName = {
  type: 'object',
  required: ['code', 'name'],
  additionalProperties: false,
  properties: { code: { type: 'string' }, name: { type: 'string' } },
}
const parentRef = { oneOf: [ref('CollectivityParent'), { type: 'null' }] }

/** Who an authority is: the fields every collectivity schema starts with. */
const identityProperties = {
  kind,
  code: { type: 'string' },
  name: { type: 'string' },
  slug: { type: 'string' },
  status,
  population,
  postal_codes: postalCodes,
}
const IDENTITY_REQUIRED = Object.keys(identityProperties)

const fragment: OpenApiFragment = {
  tags: [{ name: 'Collectivités', description: 'Communes, intercommunalités et départements.' }],
  paths: {
    '/api/v1/collectivities': {
      get: {
        tags,
        operationId: 'searchCollectivities',
        summary: 'Trouver sa commune (nom, code postal, code officiel ou position)',
        description: [
          'Avec `q` : casse, accents, tirets, apostrophes et « St » / « Ste » ignorés ; préfixe et similarité.',
          'Une commune déléguée ou associée (ou un arrondissement de Paris, Lyon, Marseille) mène à',
          `sa commune, avec \`matched_alias\`. Classement : code exact, nom exact, préfixe, similarité,`,
          `population. Au plus ${SEARCH_LIMIT} résultats.`,
          'Avec `near=lat,lng` (« autour de moi », position WGS84 du téléphone) : la commune dont le',
          'contour contient le point d’abord (`distance_m` = 0), puis les plus proches par distance à',
          `leur contour, au plus ${NEAR_LIMIT}, seulement là où les contours sont importés. \`q\` et`,
          '`near` ne se combinent pas ; sans l’un ni l’autre, `q` est exigé.',
        ].join(' '),
        parameters: vineQueryParameters(searchCollectivitiesValidator, {
          q: {
            examples: {
              nom: { value: 'saint-jean' },
              codePostal: { value: '32000' },
              insee: { value: '32013' },
            },
          },
          near: {
            description: 'Latitude et longitude en degrés décimaux, séparées par une virgule.',
            examples: { auch: { value: '43.6459,0.5857' } },
          },
        }),
        responses: {
          200: json(
            data({ type: 'array', maxItems: SEARCH_LIMIT, items: ref('CollectivitySearchResult') }),
            'Résultats classés'
          ),
          ...errors(422),
        },
      },
    },
    '/api/v1/collectivities/{code}': {
      get: {
        tags,
        operationId: 'showCollectivity',
        summary: 'Une collectivité par son code officiel',
        description:
          'Code INSEE d’une commune (5 caractères), SIREN d’un EPCI (9 chiffres) ou code d’un département (32, 2A, 971).',
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            schema: { type: 'string', maxLength: 20 },
            examples: { commune: { value: '32013' }, departement: { value: '32' } },
          },
        ],
        responses: {
          200: json(data(ref('Collectivity')), 'La collectivité'),
          ...errors(404),
        },
      },
    },
  },
  components: {
    schemas: {
      CollectivityParent: {
        type: 'object',
        required: ['code', 'name', 'slug', 'status'],
        additionalProperties: false,
        properties: {
          code: { type: 'string' },
          name: { type: 'string' },
          slug: { type: 'string' },
          status,
        },
      },
      CollectivitySearchResult: {
        type: 'object',
        required: [...IDENTITY_REQUIRED, 'departement', 'epci', 'matched_alias'],
        additionalProperties: false,
        properties: {
          ...identityProperties,
          departement: { oneOf: [codeName, { type: 'null' }] },
          epci: { oneOf: [codeName, { type: 'null' }] },
          distance_m: {
            type: 'integer',
            minimum: 0,
            description:
              'Recherche `near` seulement : 0 pour la commune où se trouve le point, sinon la distance en mètres jusqu’à son contour.',
          },
          matched_alias: {
            description: 'Le nom par lequel la commune a été trouvée, quand ce n’est pas le sien.',
            oneOf: [
              {
                type: 'object',
                required: ['kind', 'code', 'name'],
                additionalProperties: false,
                properties: {
                  kind: {
                    type: 'string',
                    enum: ['commune-deleguee', 'commune-associee', 'arrondissement-municipal'],
                  },
                  code: { type: 'string' },
                  name: { type: 'string' },
                },
              },
              { type: 'null' },
            ],
          },
        },
      },
      Collectivity: {
        type: 'object',
        required: [...IDENTITY_REQUIRED, 'departement', 'epci', 'branding', 'features'],
        additionalProperties: false,
        properties: {
          ...identityProperties,
          departement: parentRef,
          epci: parentRef,
          communes_count: {
            type: 'integer',
            description: 'EPCI et département seulement : nombre de communes connues.',
          },
          departements: {
            type: 'array',
            items: ref('CollectivityParent'),
            description: 'EPCI seulement : ses départements, le principal en premier.',
          },
          branding: {
            type: 'object',
            description:
              'Identité visuelle, pour thématiser l’application : couleur principale et logo (absent tant qu’il n’est pas traité).',
            required: ['colour', 'logo'],
            additionalProperties: false,
            properties: {
              colour: {
                oneOf: [{ type: 'string', pattern: '^#[0-9a-f]{6}$' }, { type: 'null' }],
                description: 'Couleur principale, `#rrggbb`.',
              },
              logo: {
                oneOf: [
                  {
                    type: 'object',
                    required: ['url', 'width', 'height', 'variants'],
                    additionalProperties: false,
                    properties: {
                      url: {
                        type: 'string',
                        format: 'uri',
                        description: 'La plus petite variante, pour un en-tête.',
                      },
                      width: { type: ['integer', 'null'] },
                      height: { type: ['integer', 'null'] },
                      variants: {
                        type: 'array',
                        items: {
                          type: 'object',
                          required: ['name', 'url', 'mime', 'width', 'height'],
                          additionalProperties: false,
                          properties: {
                            name: { type: 'string' },
                            url: { type: 'string', format: 'uri' },
                            mime: { type: 'string' },
                            width: { type: 'integer' },
                            height: { type: 'integer' },
                          },
                        },
                      },
                    },
                  },
                  { type: 'null' },
                ],
              },
            },
          },
          features: {
            type: 'array',
            description: 'Les modules activés par la collectivité.',
            items: {
              type: 'object',
              required: ['key', 'label', 'kind'],
              additionalProperties: false,
              properties: {
                key: { type: 'string' },
                label: { type: 'string' },
                kind: { type: 'string', enum: ['core', 'optional'] },
              },
            },
          },
        },
      },
    },
  },
}

export default fragment
