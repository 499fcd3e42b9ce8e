import type { DateTime } from 'luxon'
import type { VineValidator } from '@vinejs/vine'
import SaveNews from '#info/actions/save_news'
import SaveEvent from '#info/actions/save_event'
import SavePlace from '#info/actions/save_place'
import SaveContact from '#info/actions/save_contact'
import SaveCanteen from '#info/actions/save_canteen'
import SaveAlert from '#info/actions/save_alert'
import type News from '#info/models/news'
import type Event from '#info/models/event'
import type Place from '#info/models/place'
import type Contact from '#info/models/contact'
import type Canteen from '#info/models/canteen'
import type Alert from '#info/models/alert'
import {
  alertFormValidator,
  canteenFormValidator,
  contactFormValidator,
  eventFormValidator,
  newsFormValidator,
  parisDateTime,
  placeFormValidator,
} from '#info/validators/back_office'
import type { ContentItem, ContentType } from '#info/support/content_types'
import { TIME_ZONE } from '#info/vocabulary'
import type { AuditActor } from '#kernel/accounts/actions/record_audit'

/** A `datetime-local` value (Paris wall clock) for the forms. */
const local = (value: DateTime | null) =>
  value ? value.setZone(TIME_ZONE).toFormat("yyyy-LL-dd'T'HH:mm") : null

/**
 * What the back-office knows of each content type: its URL slug, French labels, form validator,
 * the action that saves it, the column it is listed and searched by, and its form values.
 */
export interface BackOfficeType {
  content: ContentType
  label: string
  singular: string
  titleColumn: 'title' | 'name'
  validator: VineValidator<any, any>
  save(collectivityId: number, values: any, id?: number, by?: AuditActor): Promise<ContentItem>
  formValues(item: ContentItem): Record<string, unknown>
}

export const BACK_OFFICE_TYPES: Record<string, BackOfficeType> = {
  alerts: {
    content: 'alert',
    label: 'Alertes',
    singular: 'alerte',
    titleColumn: 'title',
    validator: alertFormValidator,
    save: (collectivityId, values, id) => new SaveAlert().handle(collectivityId, values, id),
    formValues: (item) => {
      const alert = item as Alert
      return { kind: alert.kind, title: alert.title, body: alert.body }
    },
  },
  news: {
    content: 'news',
    label: 'Actualités',
    singular: 'actualité',
    titleColumn: 'title',
    validator: newsFormValidator,
    save: (collectivityId, values, id, by) => new SaveNews().handle(collectivityId, values, id, by),
    formValues: (item) => {
      const news = item as News
      return {
        title: news.title,
        summary: news.summary,
        body: news.body,
        pinned: news.pinned,
        imageMediaId: news.imageMediaId,
      }
    },
  },
  events: {
    content: 'event',
    label: 'Agenda',
    singular: 'événement',
    titleColumn: 'title',
    validator: eventFormValidator,
    save: (collectivityId, values, id, by) =>
      new SaveEvent().handle(
        collectivityId,
        {
          ...values,
          startsAt: parisDateTime(values.startsAt, 'startsAt'),
          endsAt: parisDateTime(values.endsAt, 'endsAt'),
        },
        id,
        by
      ),
    formValues: (item) => {
      const event = item as Event
      return {
        title: event.title,
        description: event.description,
        startsAt: local(event.startsAt),
        endsAt: local(event.endsAt),
        allDay: event.allDay,
        placeName: event.placeName,
        address: event.address,
        lat: event.lat,
        lng: event.lng,
        category: event.category,
        organiser: event.organiser,
        price: event.price,
        link: event.link,
        imageMediaId: event.imageMediaId,
      }
    },
  },
  places: {
    content: 'place',
    label: 'Lieux',
    singular: 'lieu',
    titleColumn: 'name',
    validator: placeFormValidator,
    save: (collectivityId, values, id, by) =>
      new SavePlace().handle(collectivityId, values, id, by),
    formValues: (item) => {
      const place = item as Place
      return {
        category: place.category,
        name: place.name,
        description: place.description,
        address: place.address,
        lat: place.lat,
        lng: place.lng,
        phone: place.phone,
        email: place.email,
        website: place.website,
        openingHours: place.openingHours,
        tags: place.tags,
        geometryType: place.geometry?.type ?? null,
        imageMediaId: place.imageMediaId,
      }
    },
  },
  contacts: {
    content: 'contact',
    label: 'Contacts utiles',
    singular: 'contact',
    titleColumn: 'name',
    validator: contactFormValidator,
    save: (collectivityId, values, id, by) =>
      new SaveContact().handle(collectivityId, values, id, by),
    formValues: (item) => {
      const contact = item as Contact
      return {
        theme: contact.theme,
        name: contact.name,
        description: contact.description,
        phone: contact.phone,
        email: contact.email,
        address: contact.address,
        website: contact.website,
        hours: contact.hours,
        rank: contact.rank,
      }
    },
  },
  canteens: {
    content: 'canteen',
    label: 'Cantines',
    singular: 'cantine',
    titleColumn: 'name',
    validator: canteenFormValidator,
    save: (collectivityId, values, id, by) =>
      new SaveCanteen().handle(collectivityId, values, id, by),
    formValues: (item) => {
      const canteen = item as Canteen
      return { name: canteen.name, type: canteen.type, address: canteen.address }
    },
  },
}
