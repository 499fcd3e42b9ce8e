import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { DomainError } from '#kernel/http/errors'
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
  TIME_ZONE,
} from '#info/vocabulary'

/*
| Back-office forms of the info module. Messages come from resources/lang/fr/validator.json;
| the rules the actions enforce themselves (dates in order, opening hours, geometry) answer with
| their own French message on the same field.
*/
const optionalText = (max: number) => vine.string().trim().maxLength(max).optional().nullable()
const imageMediaId = () => vine.number().withoutDecimals().positive().optional().nullable()
const coordinate = (limit: number) => vine.number().range([-limit, limit]).optional().nullable()

export const alertFormValidator = vine.create({
  kind: vine.enum(ALERT_KINDS),
  title: vine.string().trim().minLength(2).maxLength(255),
  body: optionalText(2000),
})

export const newsFormValidator = vine.create({
  title: vine.string().trim().minLength(2).maxLength(255),
  summary: optionalText(500),
  body: vine.string().maxLength(100_000).optional().nullable(),
  pinned: vine.boolean().optional(),
  imageMediaId: imageMediaId(),
})

/** `datetime-local` inputs (Paris wall clock) or full ISO date-times. */
const localDateTime = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?/)

export const eventFormValidator = vine.create({
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

export const placeFormValidator = vine.create({
  category: vine.enum(PLACE_CATEGORIES),
  name: vine.string().trim().minLength(2).maxLength(255),
  description: vine.string().maxLength(100_000).optional().nullable(),
  address: optionalText(500),
  lat: coordinate(90),
  lng: coordinate(180),
  phone: optionalText(64),
  email: vine.string().trim().email().maxLength(254).optional().nullable(),
  website: vine.string().trim().url().maxLength(2048).optional().nullable(),
  openingHours: optionalText(1000),
  tags: vine.array(vine.string().trim().maxLength(50)).maxLength(20).optional(),
  imageMediaId: imageMediaId(),
})

export const contactFormValidator = vine.create({
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

export const canteenFormValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(255),
  type: vine.enum(CANTEEN_TYPES),
  address: optionalText(500),
})

/**
 * A canteen's menu: one meal of one day and its dishes. An empty list of dishes reaches the
 * action, which answers « Un menu compte au moins un plat » on `dishes`.
 */
export const menuFormValidator = vine.create({
  date: vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/),
  meal: vine.enum(MEALS),
  dishes: vine
    .array(
      vine.object({
        course: vine.enum(COURSES),
        name: vine.string().trim().minLength(2).maxLength(160),
        labels: vine.array(vine.enum(DISH_LABELS)).optional(),
        allergens: vine.array(vine.enum(ALLERGENS)).optional(),
      })
    )
    .maxLength(30),
})

export const scheduleValidator = vine.create({
  publishAt: localDateTime(),
  expireAt: localDateTime().optional().nullable(),
})

export const publishValidator = vine.create({
  expireAt: localDateTime().optional().nullable(),
})

export const listFiltersValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  status: vine.enum(['draft', 'scheduled', 'published', 'expired'] as const).optional(),
  edit: vine
    .string()
    .trim()
    .regex(/^(new|\d{1,10})$/)
    .optional(),
  /** On a canteen's page: the menu being edited. */
  menu: vine
    .string()
    .trim()
    .regex(/^(new|\d{1,10})$/)
    .optional(),
})

export const importValidator = vine.create({
  file: vine.file({ size: '20mb', extnames: ['csv', 'geojson', 'json', 'txt'] }),
})

/** A form's date-time, read as Paris wall clock unless it carries an offset; 422 when impossible. */
export function parisDateTime(value: string, field: string): DateTime
export function parisDateTime(value: string | null | undefined, field: string): DateTime | null
export function parisDateTime(value: string | null | undefined, field: string): DateTime | null {
  if (!value) return null
  const instant = DateTime.fromISO(value, { zone: TIME_ZONE })
  if (!instant.isValid)
    throw new DomainError('E_INVALID_DATE', `Date invalide : « ${value} »`, 422, field)
  return instant
}
