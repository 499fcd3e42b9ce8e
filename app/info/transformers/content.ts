import type News from '#info/models/news'
import type Event from '#info/models/event'
import type Place from '#info/models/place'
import type Canteen from '#info/models/canteen'
import type Menu from '#info/models/menu'
import type Contact from '#info/models/contact'
import type { Audience } from '#info/support/audience'
import type { PublicImage } from '#info/support/images'
import { TIME_ZONE } from '#info/vocabulary'

/** The JSON shapes of the info module's citizen API (snake_case, ISO dates, origin tags). */
type Images = Map<number, PublicImage>

const iso = (value: { toISO(): string | null } | null) => (value ? value.toISO() : null)
const imageOf = (id: number | null, images: Images) => (id !== null && images.get(id)) || null

export function newsJson(news: News, audience: Audience, images: Images, withBody = false) {
  return {
    id: news.id,
    title: news.title,
    summary: news.summary,
    ...(withBody ? { body: news.body } : {}),
    pinned: news.pinned,
    image: imageOf(news.imageMediaId, images),
    published_at: iso(news.publishAt),
    expire_at: iso(news.expireAt),
    ...audience.originOf(news.collectivityId),
  }
}

export function eventJson(event: Event, audience: Audience, images: Images) {
  return {
    id: event.id,
    title: event.title,
    description: event.description,
    category: event.category,
    starts_at: event.startsAt.setZone(TIME_ZONE).toISO(),
    ends_at: event.endsAt.setZone(TIME_ZONE).toISO(),
    all_day: event.allDay,
    place_name: event.placeName,
    address: event.address,
    position: event.lat !== null && event.lng !== null ? { lat: event.lat, lng: event.lng } : null,
    organiser: event.organiser,
    price: event.price,
    link: event.link,
    image: imageOf(event.imageMediaId, images),
    ...audience.originOf(event.collectivityId),
  }
}

export function placeJson(place: Place, audience: Audience, images: Images, distance?: number) {
  return {
    id: place.id,
    category: place.category,
    name: place.name,
    description: place.description,
    address: place.address,
    position: place.lat !== null && place.lng !== null ? { lat: place.lat, lng: place.lng } : null,
    geometry: place.geometry,
    phone: place.phone,
    email: place.email,
    website: place.website,
    opening_hours: place.openingHours,
    tags: place.tags,
    details: place.details,
    image: imageOf(place.imageMediaId, images),
    ...(distance !== undefined ? { distance_m: Math.round(distance) } : {}),
    ...audience.originOf(place.collectivityId),
  }
}

/** A place as a GeoJSON Feature (its geometry, everything else in the properties). */
export function placeFeature(place: Place, audience: Audience, images: Images, distance?: number) {
  const { geometry, ...properties } = placeJson(place, audience, images, distance)
  return { type: 'Feature' as const, id: place.id, geometry, properties }
}

export function canteenJson(canteen: Canteen, audience: Audience) {
  return {
    id: canteen.id,
    name: canteen.name,
    type: canteen.type,
    address: canteen.address,
    ...audience.originOf(canteen.collectivityId),
  }
}

export function menuJson(menu: Menu, showAllergens: boolean) {
  return {
    date: menu.date.toISODate(),
    meal: menu.meal,
    dishes: menu.dishes.map((dish) => ({
      course: dish.course,
      name: dish.name,
      labels: dish.labels,
      ...(showAllergens ? { allergens: dish.allergens } : {}),
    })),
  }
}

export function contactJson(contact: Contact, audience: Audience) {
  return {
    id: contact.id,
    theme: contact.theme,
    name: contact.name,
    description: contact.description,
    phone: contact.phone,
    email: contact.email,
    address: contact.address,
    website: contact.website,
    hours: contact.hours,
    ...audience.originOf(contact.collectivityId),
  }
}
