import News from '#info/models/news'
import Event from '#info/models/event'
import Place from '#info/models/place'
import Canteen from '#info/models/canteen'
import Contact from '#info/models/contact'
import Menu from '#info/models/menu'
import Alert from '#info/models/alert'

/** The publishable content types, by the name the back-office, the API and commands use. */
export const CONTENT_MODELS = {
  news: News,
  event: Event,
  place: Place,
  canteen: Canteen,
  contact: Contact,
  alert: Alert,
} as const

export type ContentType = keyof typeof CONTENT_MODELS
export type ContentItem = InstanceType<(typeof CONTENT_MODELS)[ContentType]>
export const CONTENT_TYPES = Object.keys(CONTENT_MODELS) as ContentType[]

/**
 * Everything that is published, scheduled and unpublished alike: the content types plus the
 * menus of a canteen (which have no image nor import source of their own).
 */
export const PUBLICATION_MODELS = { ...CONTENT_MODELS, menu: Menu } as const
export type PublicationType = keyof typeof PUBLICATION_MODELS
export type PublicationItem<Type extends PublicationType = PublicationType> = InstanceType<
  (typeof PUBLICATION_MODELS)[Type]
>
export const PUBLICATION_TYPES = Object.keys(PUBLICATION_MODELS) as PublicationType[]

export const CONTENT_LABELS: Record<PublicationType, string> = {
  news: 'Actualité',
  event: 'Événement',
  place: 'Lieu',
  canteen: 'Cantine',
  contact: 'Contact',
  alert: 'Alerte',
  menu: 'Menu',
}
