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

/** Urgent notices (PanneauPocket's « alertes »): shown first in the feed and pushed. */
export const ALERT_KINDS = ['road_closed', 'water_cut', 'weather', 'emergency', 'other'] as const
export type AlertKind = (typeof ALERT_KINDS)[number]

export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  road_closed: 'Route fermée',
  water_cut: 'Coupure d’eau',
  weather: 'Vigilance météo',
  emergency: 'Urgence',
  other: 'Autre alerte',
}

export const PUBLICATION_STATE_LABELS: Record<PublicationState, string> = {
  draft: 'Brouillon',
  scheduled: 'Programmé',
  published: 'Publié',
  expired: 'Expiré',
}

export const EVENT_CATEGORY_LABELS: Record<EventCategory, string> = {
  culture: 'Culture',
  association: 'Association',
  sport: 'Sport',
  market: 'Marché',
  other: 'Autre',
}

export const PLACE_CATEGORY_LABELS: Record<PlaceCategory, string> = {
  producer: 'Producteur',
  market: 'Marché',
  accommodation: 'Hébergement',
  restaurant: 'Restaurant',
  bike_lane: 'Piste cyclable',
  bike_parking: 'Stationnement vélo',
  carpool_area: 'Aire de covoiturage',
  other: 'Autre',
}

export const CANTEEN_TYPE_LABELS: Record<CanteenType, string> = {
  creche: 'Crèche',
  maternelle: 'Maternelle',
  elementaire: 'Élémentaire',
  college: 'Collège',
  lycee: 'Lycée',
  ehpad: 'EHPAD',
  autre: 'Autre',
}

export const MEAL_LABELS: Record<Meal, string> = {
  petit_dejeuner: 'Petit déjeuner',
  dejeuner: 'Déjeuner',
  gouter: 'Goûter',
  diner: 'Dîner',
}

export const COURSE_LABELS: Record<Course, string> = {
  entree: 'Entrée',
  plat: 'Plat',
  accompagnement: 'Accompagnement',
  fromage: 'Fromage',
  dessert: 'Dessert',
  gouter: 'Goûter',
}

export const DISH_LABEL_LABELS: Record<DishLabel, string> = {
  bio: 'Bio',
  local: 'Local',
  vegetarien: 'Végétarien',
  aop: 'AOP',
  aoc: 'AOC',
  igp: 'IGP',
  label_rouge: 'Label Rouge',
  peche_durable: 'Pêche durable',
  fait_maison: 'Fait maison',
}

export const ALLERGEN_LABELS: Record<Allergen, string> = {
  gluten: 'Gluten',
  crustaces: 'Crustacés',
  oeufs: 'Œufs',
  poissons: 'Poissons',
  arachides: 'Arachides',
  soja: 'Soja',
  lait: 'Lait',
  fruits_a_coque: 'Fruits à coque',
  celeri: 'Céleri',
  moutarde: 'Moutarde',
  sesame: 'Sésame',
  sulfites: 'Sulfites',
  lupin: 'Lupin',
  mollusques: 'Mollusques',
}

/** Every code of the module with its French label, as GET /api/v1/vocabularies serves them. */
export const INFO_VOCABULARIES = {
  event_categories: EVENT_CATEGORY_LABELS,
  place_categories: PLACE_CATEGORY_LABELS,
  canteen_types: CANTEEN_TYPE_LABELS,
  meals: MEAL_LABELS,
  courses: COURSE_LABELS,
  dish_labels: DISH_LABEL_LABELS,
  allergens: ALLERGEN_LABELS,
  contact_themes: CONTACT_THEME_LABELS,
  alert_kinds: ALERT_KIND_LABELS,
  publication_states: PUBLICATION_STATE_LABELS,
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

/** Text limits of a canteen, shared by its back-office form and the menus importer. */
export const CANTEEN_TEXT_LIMITS = { name: 255, address: 500 } as const

/** Text limits of a menu's dish, shared by the menu form and the menus importer. */
export const DISH_TEXT_LIMITS = { name: 160 } as const
