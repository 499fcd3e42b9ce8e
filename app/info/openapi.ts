import type { OpenApiFragment, OpenApiObject } from '#kernel/http/openapi/types'
import { data, errors, json, pageParameters, paginated, ref } from '#kernel/http/openapi/common'
import {
  ALERT_KINDS,
  ALLERGENS,
  CANTEEN_TYPES,
  CONTACT_THEMES,
  COURSES,
  DISH_LABELS,
  EVENT_CATEGORIES,
  MEALS,
  PLACE_CATEGORIES,
} from '#info/vocabulary'
import { MAX_MENU_DAYS } from '#info/actions/list_canteens'
import { vineQueryParameters } from '#kernel/http/openapi/vine_schema'
import {
  contactsQueryValidator,
  eventsQueryValidator,
  menusQueryValidator,
  placesQueryValidator,
} from '#info/validators/api'
import { CALENDAR_MAX_EVENTS } from '#info/actions/events_calendar'

const tags = ['Informations']
const nullable = (schema: OpenApiObject) => ({ oneOf: [schema, { type: 'null' }] })
const text = { type: ['string', 'null'] }
const dateTime = { type: 'string', format: 'date-time' }
const kind = { type: 'string', enum: ['departement', 'epci', 'commune'] }
const code = {
  name: 'code',
  in: 'path',
  required: true,
  description:
    'Code officiel de la collectivité (INSEE de la commune ou du département, SIREN de l’EPCI).',
  schema: { type: 'string', minLength: 1, maxLength: 16 },
}
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }
const origin = {
  origin: {
    ...kind,
    description: 'Niveau de la collectivité qui publie : la commune, son EPCI ou son département.',
  },
  authority: ref('InfoAuthority'),
}
const originRequired = ['origin', 'authority']
const position = nullable({
  type: 'object',
  required: ['lat', 'lng'],
  additionalProperties: false,
  properties: { lat: { type: 'number' }, lng: { type: 'number' } },
})

/** A documented GET under /api/v1/collectivities/{code}/… */
function read(
  operationId: string,
  summary: string,
  ok: OpenApiObject,
  options: {
    parameters?: OpenApiObject[]
    description?: string
    statuses?: Array<400 | 404 | 422>
  } = {}
) {
  return {
    get: {
      tags,
      operationId,
      summary,
      ...(options.description ? { description: options.description } : {}),
      parameters: [code, ...(options.parameters ?? [])],
      responses: { 200: ok, ...errors(...(options.statuses ?? [404, 422])) },
    },
  }
}

/* Query parameters come from the validators that read them (vineQueryParameters). */
const eventFilters = vineQueryParameters(eventsQueryValidator, {
  from: { description: 'Événements en cours ou à venir à partir de cette date' },
  to: { description: 'Événements commençant au plus tard à cette date' },
})

/** A GeoJSON position: [longitude, latitude]. */
const position2d = {
  type: 'array',
  minItems: 2,
  maxItems: 2,
  items: { type: 'number' },
}
const geometry = (type: string, coordinates: OpenApiObject) => ({
  type: 'object',
  required: ['type', 'coordinates'],
  additionalProperties: false,
  properties: { type: { const: type }, coordinates },
})

const placeProperties = {
  id: { type: 'integer' },
  category: { type: 'string', enum: PLACE_CATEGORIES },
  name: { type: 'string' },
  description: { type: 'string', description: 'HTML assaini.' },
  address: text,
  position,
  geometry: nullable(ref('PlaceGeometry')),
  phone: text,
  email: text,
  website: text,
  opening_hours: { ...text, description: 'Syntaxe OpenStreetMap `opening_hours`.' },
  tags: { type: 'array', items: { type: 'string' } },
  details: {
    type: 'object',
    description: 'Selon la catégorie : products, accommodationType, capacity, cuisine…',
  },
  image: nullable(ref('InfoImage')),
  distance_m: { type: 'integer', description: 'Avec `near` : distance en mètres.' },
  ...origin,
}
const placeRequired = [
  'id',
  'category',
  'name',
  'position',
  'geometry',
  'opening_hours',
  'tags',
  ...originRequired,
]

const fragment: OpenApiFragment = {
  tags: [
    {
      name: 'Informations',
      description:
        'Fil d’actualité, agenda, annuaire, cantines et contacts utiles d’une collectivité.',
    },
  ],
  paths: {
    '/api/v1/collectivities/{code}/feed': read(
      'readFeed',
      'Fil d’actualité (commune + EPCI + département)',
      json(paginated(ref('FeedItem')), 'Éléments du plus récent au plus ancien'),
      {
        description:
          'Actualités et événements à venir de la collectivité, de son EPCI et de son département, fusionnés, chacun marqué de son origine. La première page commence par les alertes en cours (non expirées), les plus récentes d’abord.',
        parameters: pageParameters,
        statuses: [400, 404, 422],
      }
    ),
    '/api/v1/collectivities/{code}/news': read(
      'listNews',
      'Actualités',
      json(
        paginated(ref('News')),
        'Actualités publiées : les épinglées d’abord, puis les plus récentes'
      ),
      {
        parameters: pageParameters,
        statuses: [400, 404, 422],
      }
    ),
    '/api/v1/collectivities/{code}/news/{id}': read(
      'showNews',
      'Une actualité, avec son contenu',
      json(data(ref('NewsDetail')), 'Actualité'),
      { parameters: [id] }
    ),
    '/api/v1/collectivities/{code}/events': read(
      'listEvents',
      'Agenda',
      json(paginated(ref('Event')), 'Événements, les plus proches d’abord'),
      {
        description:
          'Par défaut, les événements pas encore terminés. Dates : `AAAA-MM-JJ` (journée entière, heure de Paris) ou date-heure ISO 8601.',
        parameters: [...eventFilters, ...pageParameters],
        statuses: [400, 404, 422],
      }
    ),
    '/api/v1/collectivities/{code}/events.ics': {
      get: {
        tags,
        operationId: 'eventsCalendar',
        summary: 'Agenda au format iCalendar',
        description: `Mêmes filtres que l’agenda ; au plus ${CALENDAR_MAX_EVENTS} événements. Heures locales avec VTIMEZONE Europe/Paris, UID stable par événement.`,
        parameters: [code, ...eventFilters],
        responses: {
          200: {
            description: 'Calendrier',
            content: { 'text/calendar': { schema: { type: 'string' } } },
          },
          ...errors(404, 422),
        },
      },
    },
    '/api/v1/collectivities/{code}/events/{id}': read(
      'showEvent',
      'Un événement pas encore terminé',
      json(data(ref('Event')), 'Événement'),
      { parameters: [id] }
    ),
    '/api/v1/collectivities/{code}/events/{id}/calendar.ics': {
      get: {
        tags,
        operationId: 'eventCalendar',
        summary: 'Un événement au format iCalendar (« Ajouter à mon agenda »)',
        parameters: [code, id],
        responses: {
          200: {
            description: 'Calendrier d’un seul événement (pièce jointe)',
            content: { 'text/calendar': { schema: { type: 'string' } } },
          },
          ...errors(404, 422),
        },
      },
    },
    '/api/v1/collectivities/{code}/places': read(
      'listPlaces',
      'Annuaire des lieux',
      {
        description: 'Lieux des catégories activées, par nom (ou par distance avec `near`)',
        content: {
          'application/json': { schema: paginated(ref('Place')) },
          'application/geo+json': { schema: ref('PlaceFeatureCollection') },
        },
      },
      {
        parameters: [
          ...vineQueryParameters(placesQueryValidator, {
            open_now: {
              description:
                'Seulement les lieux ouverts maintenant (heure de Paris). Au plus 1 000 lieux examinés par requête : une page peut alors compter moins de `limit` lieux alors que `next_cursor` permet de continuer.',
            },
            near: {
              description: '`lat,lng` : tri par distance',
              examples: { auch: { value: '43.6465,0.5855' } },
            },
            radius: { description: 'Rayon en mètres autour de `near`', default: 5000 },
            bbox: {
              description: '`lng min,lat min,lng max,lat max`',
              examples: { auch: { value: '0.5,43.6,0.7,43.7' } },
            },
          }),
          ...pageParameters,
        ],
        statuses: [400, 404, 422],
      }
    ),
    '/api/v1/collectivities/{code}/places/{id}': read(
      'showPlace',
      'Un lieu, ouvert ou non, et ses prochaines ouvertures',
      json(data(ref('PlaceDetail')), 'Lieu'),
      { parameters: [id] }
    ),
    '/api/v1/collectivities/{code}/canteens': read(
      'listCanteens',
      'Cantines',
      json(paginated(ref('Canteen')), 'Cantines par nom'),
      {
        parameters: pageParameters,
        statuses: [400, 404, 422],
      }
    ),
    '/api/v1/collectivities/{code}/canteens/{id}/menus': read(
      'listMenus',
      'Menus d’une cantine',
      json(data(ref('CanteenMenus')), 'Menus par jour et repas'),
      {
        description: `Par défaut, aujourd’hui et les six jours suivants (heure de Paris) ; au plus ${MAX_MENU_DAYS} jours. Les allergènes sont omis si la collectivité les a masqués.`,
        parameters: [
          id,
          ...vineQueryParameters(menusQueryValidator, {
            from: { format: 'date' },
            to: { format: 'date' },
          }),
        ],
      }
    ),
    '/api/v1/collectivities/{code}/contacts': read(
      'listContacts',
      'Contacts utiles',
      json(paginated(ref('Contact')), 'Contacts, numéros nationaux d’abord'),
      {
        parameters: [...vineQueryParameters(contactsQueryValidator), ...pageParameters],
        statuses: [400, 404, 422],
      }
    ),
  },
  components: {
    schemas: {
      InfoAuthority: {
        type: 'object',
        required: ['code', 'name', 'kind'],
        additionalProperties: false,
        properties: {
          code: { type: 'string' },
          name: { type: 'string' },
          kind,
          colour: {
            type: ['string', 'null'],
            description: 'Couleur de la collectivité (#rrggbb).',
          },
          logo_url: {
            type: ['string', 'null'],
            format: 'uri',
            description: 'Logo de la collectivité.',
          },
        },
      },
      InfoImage: {
        type: 'object',
        description: 'Image prête (traitée) : variantes WebP redimensionnées.',
        required: ['variants'],
        properties: {
          width: { type: ['integer', 'null'] },
          height: { type: ['integer', 'null'] },
          placeholder: { type: ['object', 'null'] },
          variants: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'url', 'width', 'height', 'mime'],
              properties: {
                name: { type: 'string' },
                url: { type: 'string' },
                width: { type: 'integer' },
                height: { type: 'integer' },
                mime: { type: 'string' },
              },
            },
          },
        },
      },
      FeedItem: {
        type: 'object',
        required: [
          'type',
          'id',
          'title',
          'summary',
          'image',
          'pinned',
          'published_at',
          'starts_at',
          'ends_at',
          ...originRequired,
        ],
        additionalProperties: false,
        properties: {
          type: {
            type: 'string',
            description:
              '`alert` (en tête de la première page tant qu’elle n’a pas expiré), `news`, `event`, ou un type d’un autre module.',
          },
          alert_kind: {
            type: 'string',
            enum: ALERT_KINDS,
            description:
              'Alertes seulement : route fermée, coupure d’eau, vigilance météo, urgence…',
          },
          id: { type: 'integer', description: 'Identifiant de l’élément dans son type.' },
          title: { type: 'string' },
          summary: text,
          image: nullable(ref('InfoImage')),
          pinned: {
            type: 'boolean',
            description:
              'Actualité épinglée par la collectivité (toujours faux pour les autres types).',
          },
          published_at: dateTime,
          starts_at: nullable(dateTime),
          ends_at: {
            ...nullable(dateTime),
            description: 'Fin de l’événement ; pour une alerte, sa date de fin.',
          },
          ...origin,
        },
      },
      News: {
        type: 'object',
        required: [
          'id',
          'title',
          'summary',
          'pinned',
          'image',
          'published_at',
          'expire_at',
          ...originRequired,
        ],
        additionalProperties: false,
        properties: {
          id: { type: 'integer' },
          title: { type: 'string' },
          summary: text,
          body: { type: 'string' },
          pinned: { type: 'boolean' },
          image: nullable(ref('InfoImage')),
          published_at: dateTime,
          expire_at: nullable(dateTime),
          ...origin,
        },
      },
      NewsDetail: {
        allOf: [
          ref('News'),
          {
            type: 'object',
            required: ['body'],
            properties: { body: { type: 'string', description: 'HTML assaini.' } },
          },
        ],
      },
      Event: {
        type: 'object',
        required: [
          'id',
          'title',
          'description',
          'category',
          'starts_at',
          'ends_at',
          'all_day',
          'position',
          ...originRequired,
        ],
        additionalProperties: false,
        properties: {
          id: { type: 'integer' },
          title: { type: 'string' },
          description: { type: 'string', description: 'HTML assaini.' },
          category: { type: 'string', enum: EVENT_CATEGORIES },
          starts_at: { ...dateTime, description: 'Heure de Paris, avec son décalage.' },
          ends_at: dateTime,
          all_day: { type: 'boolean' },
          place_name: text,
          address: text,
          position,
          organiser: text,
          price: text,
          link: text,
          image: nullable(ref('InfoImage')),
          ...origin,
        },
      },
      Place: {
        type: 'object',
        required: placeRequired,
        additionalProperties: false,
        properties: placeProperties,
      },
      PlaceDetail: {
        type: 'object',
        required: [...placeRequired, 'is_open_now', 'next_openings'],
        additionalProperties: false,
        properties: {
          ...placeProperties,
          is_open_now: { type: ['boolean', 'null'], description: 'null sans horaires.' },
          next_openings: {
            type: 'array',
            description:
              'Prochaines périodes d’ouverture sur deux semaines (heure de Paris), la période en cours d’abord.',
            items: {
              type: 'object',
              required: ['opens_at', 'closes_at'],
              additionalProperties: false,
              properties: { opens_at: dateTime, closes_at: nullable(dateTime) },
            },
          },
        },
      },
      PlaceGeometry: {
        description:
          'Géométrie GeoJSON (RFC 7946, [longitude, latitude]) : Point, ou LineString / MultiLineString (pistes cyclables).',
        oneOf: [
          geometry('Point', position2d),
          geometry('LineString', { type: 'array', minItems: 2, items: position2d }),
          geometry('MultiLineString', {
            type: 'array',
            minItems: 1,
            items: { type: 'array', minItems: 2, items: position2d },
          }),
        ],
      },
      PlaceFeature: {
        type: 'object',
        required: ['type', 'id', 'geometry', 'properties'],
        additionalProperties: false,
        properties: {
          type: { const: 'Feature' },
          id: { type: 'integer' },
          geometry: nullable(ref('PlaceGeometry')),
          properties: {
            type: 'object',
            description: 'Les champs d’un lieu (voir `Place`), sans sa géométrie.',
            required: placeRequired.filter((name) => name !== 'geometry'),
            additionalProperties: false,
            properties: Object.fromEntries(
              Object.entries(placeProperties).filter(([name]) => name !== 'geometry')
            ),
          },
        },
      },
      PlaceFeatureCollection: {
        type: 'object',
        required: ['type', 'features', 'meta'],
        additionalProperties: false,
        properties: {
          type: { const: 'FeatureCollection' },
          features: { type: 'array', items: ref('PlaceFeature') },
          meta: ref('PageMeta'),
        },
      },
      Canteen: {
        type: 'object',
        required: ['id', 'name', 'type', 'address', ...originRequired],
        additionalProperties: false,
        properties: {
          id: { type: 'integer' },
          name: { type: 'string' },
          type: { type: 'string', enum: CANTEEN_TYPES },
          address: text,
          ...origin,
        },
      },
      CanteenMenus: {
        type: 'object',
        required: ['canteen', 'from', 'to', 'menus'],
        additionalProperties: false,
        properties: {
          canteen: ref('Canteen'),
          from: { type: 'string', format: 'date' },
          to: { type: 'string', format: 'date' },
          menus: {
            type: 'array',
            items: {
              type: 'object',
              required: ['date', 'meal', 'dishes'],
              additionalProperties: false,
              properties: {
                date: { type: 'string', format: 'date' },
                meal: { type: 'string', enum: MEALS },
                dishes: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['course', 'name', 'labels'],
                    additionalProperties: false,
                    properties: {
                      course: { type: 'string', enum: COURSES },
                      name: { type: 'string' },
                      labels: { type: 'array', items: { type: 'string', enum: DISH_LABELS } },
                      allergens: {
                        type: 'array',
                        description:
                          'Parmi les 14 allergènes réglementaires ; absent si la collectivité les masque.',
                        items: { type: 'string', enum: ALLERGENS },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
      Contact: {
        type: 'object',
        required: ['id', 'theme', 'name', 'phone', ...originRequired],
        additionalProperties: false,
        properties: {
          id: { type: 'integer' },
          theme: { type: 'string', enum: CONTACT_THEMES },
          name: { type: 'string' },
          description: text,
          phone: text,
          email: text,
          address: text,
          website: text,
          hours: text,
          ...origin,
        },
      },
    },
  },
}

export default fragment
