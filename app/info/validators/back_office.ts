import vine from '@vinejs/vine'
import { idOrNewRule, idRule } from '#kernel/http/ids'
import type { DateTime } from 'luxon'
import { readDateTime } from '#kernel/http/dates'
import { withFieldLabels } from '#kernel/http/field_labels'
import {
  ALERT_KINDS,
  ALLERGENS,
  CANTEEN_TEXT_LIMITS,
  CANTEEN_TYPES,
  CONTACT_THEMES,
  COURSES,
  DISH_LABELS,
  DISH_TEXT_LIMITS,
  EVENT_CATEGORIES,
  MEALS,
  PLACE_CATEGORIES,
  PLACE_TEXT_LIMITS,
  TIME_ZONE,
} from '#info/vocabulary'

/*
| Back-office forms of the info module. Messages come from resources/lang/fr/validator.json;
| the rules the actions enforce themselves (dates in order, opening hours, geometry) answer with
| their own French message on the same field.
*/
/** French names of the info forms' fields, as validation messages say them. */
export const INFO_FIELD_LABELS = {
  'kind': 'type d’alerte',
  'title': 'titre',
  'summary': 'chapô',
  'body': 'texte',
  'pinned': 'épinglée en tête',
  'imageMediaId': 'photo',
  'description': 'description',
  'startsAt': 'début',
  'endsAt': 'fin',
  'allDay': 'toute la journée',
  'placeName': 'lieu',
  'address': 'adresse',
  'lat': 'latitude',
  'lng': 'longitude',
  'category': 'catégorie',
  'organiser': 'organisateur',
  'price': 'tarif',
  'link': 'lien',
  'name': 'nom',
  'phone': 'téléphone',
  'email': 'e-mail',
  'website': 'site web',
  'openingHours': 'horaires',
  'tags': 'étiquettes',
  'theme': 'thème',
  'hours': 'horaires',
  'rank': 'ordre d’affichage',
  'type': 'type',
  'date': 'jour',
  'meal': 'repas',
  'dishes': 'plats',
  'dishes.*.course': 'type de plat',
  'dishes.*.name': 'nom du plat',
  'dishes.*.labels': 'labels',
  'dishes.*.allergens': 'allergènes',
  'publishAt': 'date de publication',
  'expireAt': 'date de retrait',
  'file': 'fichier',
}

const labelled = <V extends Parameters<typeof withFieldLabels>[0]>(validator: V) =>
  withFieldLabels(validator, INFO_FIELD_LABELS)

const optionalText = (max: number) => vine.string().trim().maxLength(max).optional().nullable()
const imageMediaId = () => idRule().optional().nullable()
const coordinate = (limit: number) => vine.number().range([-limit, limit]).optional().nullable()

export const alertFormValidator = labelled(
  vine.create({
    kind: vine.enum(ALERT_KINDS),
    title: vine.string().trim().minLength(2).maxLength(255),
    body: optionalText(2000),
  })
)

export const newsFormValidator = labelled(
  vine.create({
    title: vine.string().trim().minLength(2).maxLength(255),
    summary: optionalText(500),
    body: vine.string().maxLength(100_000).optional().nullable(),
    pinned: vine.boolean().optional(),
    imageMediaId: imageMediaId(),
  })
)

/** `datetime-local` inputs (Paris wall clock) or full ISO date-times. */
const localDateTime = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?/)

export const eventFormValidator = labelled(
  vine.create({
    title: vine.string().trim().minLength(2).maxLength(255),
    description: vine.string().maxLength(100_000).optional().nullable(),
    startsAt: localDateTime(),
    endsAt: localDateTime(),
    allDay: vine.boolean().optional(),
    placeName: optionalText(255),
    address: optionalText(500),
    lat: coordinate(90),
    lng: coordinate(180),
    category: vine.enum(EVENT_CATEGORIES),
    organiser: optionalText(255),
    price: optionalText(255),
    link: vine.string().trim().url().maxLength(2048).optional().nullable(),
    imageMediaId: imageMediaId(),
  })
)

export const placeFormValidator = labelled(
  vine.create({
    category: vine.enum(PLACE_CATEGORIES),
    name: vine.string().trim().minLength(2).maxLength(PLACE_TEXT_LIMITS.name),
    description: vine.string().maxLength(PLACE_TEXT_LIMITS.description).optional().nullable(),
    address: optionalText(PLACE_TEXT_LIMITS.address),
    lat: coordinate(90),
    lng: coordinate(180),
    phone: optionalText(PLACE_TEXT_LIMITS.phone),
    email: vine.string().trim().email().maxLength(PLACE_TEXT_LIMITS.email).optional().nullable(),
    website: vine.string().trim().url().maxLength(PLACE_TEXT_LIMITS.website).optional().nullable(),
    openingHours: optionalText(PLACE_TEXT_LIMITS.openingHours),
    tags: vine
      .array(vine.string().trim().maxLength(PLACE_TEXT_LIMITS.tags))
      .maxLength(20)
      .optional(),
    imageMediaId: imageMediaId(),
  })
)

export const contactFormValidator = labelled(
  vine.create({
    theme: vine.enum(CONTACT_THEMES),
    name: vine.string().trim().minLength(2).maxLength(255),
    description: optionalText(1000),
    phone: optionalText(64),
    email: vine.string().trim().email().maxLength(254).optional().nullable(),
    address: optionalText(500),
    website: vine.string().trim().url().maxLength(2048).optional().nullable(),
    hours: optionalText(500),
    rank: vine.number().withoutDecimals().range([0, 1000]).optional(),
  })
)

export const canteenFormValidator = labelled(
  vine.create({
    name: vine.string().trim().minLength(2).maxLength(CANTEEN_TEXT_LIMITS.name),
    type: vine.enum(CANTEEN_TYPES),
    address: optionalText(CANTEEN_TEXT_LIMITS.address),
  })
)

/**
 * A canteen's menu: one meal of one day and its dishes. An empty list of dishes reaches the
 * action, which answers « Un menu compte au moins un plat » on `dishes`.
 */
export const menuFormValidator = labelled(
  vine.create({
    date: vine
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/),
    meal: vine.enum(MEALS),
    dishes: vine
      .array(
        vine.object({
          course: vine.enum(COURSES),
          name: vine.string().trim().minLength(2).maxLength(DISH_TEXT_LIMITS.name),
          labels: vine.array(vine.enum(DISH_LABELS)).optional(),
          allergens: vine.array(vine.enum(ALLERGENS)).optional(),
        })
      )
      .maxLength(30),
  })
)

export const scheduleValidator = labelled(
  vine.create({
    publishAt: localDateTime(),
    expireAt: localDateTime().optional().nullable(),
  })
)

export const publishValidator = labelled(
  vine.create({
    expireAt: localDateTime().optional().nullable(),
  })
)

export const listFiltersValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  status: vine.enum(['draft', 'scheduled', 'published', 'expired'] as const).optional(),
  edit: idOrNewRule().optional(),
  /** On a canteen's page: the menu being edited. */
  menu: idOrNewRule().optional(),
})

export const importValidator = labelled(
  vine.create({
    file: vine.file({ size: '20mb', extnames: ['csv', 'geojson', 'json', 'txt'] }),
  })
)

/** A form's date-time, read as Paris wall clock unless it carries an offset; 422 when impossible. */
export function parisDateTime(value: string, field: string): DateTime
export function parisDateTime(value: string | null | undefined, field: string): DateTime | null
export function parisDateTime(value: string | null | undefined, field: string): DateTime | null {
  if (!value) return null
  return readDateTime(value, TIME_ZONE, field)
}
