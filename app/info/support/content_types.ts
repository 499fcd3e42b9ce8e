import News from '#info/models/news'
import Event from '#info/models/event'
import Place from '#info/models/place'
import Canteen from '#info/models/canteen'
import Contact from '#info/models/contact'

/** The publishable content types, by the name the back-office, the API and commands use. */
export const CONTENT_MODELS = {
  news: News,
  event: Event,
  place: Place,
  canteen: Canteen,
  contact: Contact,
} as const

export type ContentType = keyof typeof CONTENT_MODELS
export type ContentItem = InstanceType<(typeof CONTENT_MODELS)[ContentType]>
export const CONTENT_TYPES = Object.keys(CONTENT_MODELS) as ContentType[]

export const CONTENT_LABELS: Record<ContentType, string> = {
  news: 'Actualité',
  event: 'Événement',
  place: 'Lieu',
  canteen: 'Cantine',
  contact: 'Contact',
}
