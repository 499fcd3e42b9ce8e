/*
| Where French authorities are: boxes around metropolitan France (with Corsica) and each
| overseas territory, a little wider than the land. A point outside all of them is a mistake
| (most often latitude and longitude swapped) and is refused for places, events and imports.
*/
import { DomainError } from '#kernel/http/errors'

interface Box {
  name: string
  south: number
  west: number
  north: number
  east: number
}

export const FRANCE_BOXES: readonly Box[] = [
  { name: 'France métropolitaine', south: 41.2, west: -5.3, north: 51.2, east: 9.7 },
  { name: 'Guadeloupe', south: 15.8, west: -61.9, north: 16.6, east: -60.9 },
  { name: 'Martinique', south: 14.3, west: -61.3, north: 14.95, east: -60.75 },
  { name: 'Guyane', south: 2.1, west: -54.7, north: 5.9, east: -51.5 },
  { name: 'La Réunion', south: -21.45, west: 55.15, north: -20.8, east: 55.9 },
  { name: 'Mayotte', south: -13.1, west: 44.95, north: -12.55, east: 45.35 },
  { name: 'Saint-Pierre-et-Miquelon', south: 46.7, west: -56.5, north: 47.2, east: -56.1 },
  {
    name: 'Saint-Barthélemy et Saint-Martin',
    south: 17.85,
    west: -63.2,
    north: 18.15,
    east: -62.7,
  },
  { name: 'Wallis-et-Futuna', south: -14.4, west: -178.3, north: -13.1, east: -176.1 },
  { name: 'Polynésie française', south: -28.0, west: -154.8, north: -7.8, east: -134.4 },
  { name: 'Nouvelle-Calédonie', south: -22.9, west: 163.5, north: -19.5, east: 168.2 },
]

export function isInFrance(lat: number, lng: number): boolean {
  return FRANCE_BOXES.some(
    (box) => lat >= box.south && lat <= box.north && lng >= box.west && lng <= box.east
  )
}

/** Throws a 422 E_OUTSIDE_FRANCE on `field` unless (lat, lng) lies in France. */
export function assertInFrance(lat: number, lng: number, field = 'lat') {
  if (isInFrance(lat, lng)) return
  const swapped = isInFrance(lng, lat) ? ' (latitude et longitude inversées ?)' : ''
  throw new DomainError(
    'E_OUTSIDE_FRANCE',
    `Position hors de France : ${lat}, ${lng}${swapped}`,
    422,
    field
  )
}
