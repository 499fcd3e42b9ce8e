/**
 * The info module's fixed vocabularies: stored values (English or unaccented keys) and the
 * French labels the back-office and the API show.
 */
export const PUBLICATION_STATES = ['draft', 'scheduled', 'published', 'expired'] as const
export type PublicationState = (typeof PUBLICATION_STATES)[number]

export const EVENT_CATEGORIES = ['culture', 'association', 'sport', 'market', 'other'] as const
export type EventCategory = (typeof EVENT_CATEGORIES)[number]

export const PLACE_CATEGORIES = [
  'producer',
  'market',
  'accommodation',
  'restaurant',
  'bike_lane',
  'bike_parking',
  'carpool_area',
  'other',
] as const
export type PlaceCategory = (typeof PLACE_CATEGORIES)[number]

/** The feature (manifest key) an authority switches on to show each place category. */
export const PLACE_CATEGORY_FEATURE: Record<PlaceCategory, string> = {
  producer: 'producers',
  market: 'markets',
  accommodation: 'accommodation',
  restaurant: 'accommodation',
  bike_lane: 'mobility',
  bike_parking: 'mobility',
  carpool_area: 'mobility',
  other: 'contacts',
}

export const CANTEEN_TYPES = [
  'creche',
  'maternelle',
  'elementaire',
  'college',
  'lycee',
  'ehpad',
  'autre',
] as const
export type CanteenType = (typeof CANTEEN_TYPES)[number]

export const MEALS = ['petit_dejeuner', 'dejeuner', 'gouter', 'diner'] as const
export type Meal = (typeof MEALS)[number]

export const COURSES = ['entree', 'plat', 'accompagnement', 'fromage', 'dessert', 'gouter'] as const
export type Course = (typeof COURSES)[number]

export const DISH_LABELS = [
  'bio',
  'local',
  'vegetarien',
  'aop',
  'aoc',
  'igp',
  'label_rouge',
  'peche_durable',
  'fait_maison',
] as const
export type DishLabel = (typeof DISH_LABELS)[number]

/** The 14 allergens food businesses must declare (EU regulation 1169/2011, annex II). */
export const ALLERGENS = [
  'gluten',
  'crustaces',
  'oeufs',
  'poissons',
  'arachides',
  'soja',
  'lait',
  'fruits_a_coque',
  'celeri',
  'moutarde',
  'sesame',
  'sulfites',
  'lupin',
  'mollusques',
] as const
export type Allergen = (typeof ALLERGENS)[number]

export const CONTACT_THEMES = [
  'secours',
  'sante',
  'violences',
  'enfance',
  'seniors',
  'social',
  'mairie',
  'autre',
] as const
export type ContactTheme = (typeof CONTACT_THEMES)[number]

export const CONTACT_THEME_LABELS: Record<ContactTheme, string> = {
  secours: 'Secours et urgences',
  sante: 'Santé',
  violences: 'Violences',
  enfance: 'Enfance',
  seniors: 'Seniors',
  social: 'Social',
  mairie: 'Mairie',
  autre: 'Autre',
}

export const TIME_ZONE = 'Europe/Paris'

/** Text limits of a place, shared by the back-office form and every importer (tags: each tag). */
export const PLACE_TEXT_LIMITS = {
  name: 255,
  address: 500,
  phone: 64,
  email: 254,
  website: 2048,
  openingHours: 1000,
  description: 100_000,
  tags: 50,
} as const
