/** The GeoJSON geometries places use: points, and lines for bike lanes. */
export type Position = [number, number]
export type Geometry =
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: Position[] }
  | { type: 'MultiLineString'; coordinates: Position[][] }

function isPosition(value: unknown): value is Position {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    typeof value[0] === 'number' &&
    typeof value[1] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isFinite(value[1]) &&
    Math.abs(value[0]) <= 180 &&
    Math.abs(value[1]) <= 90
  )
}

function isLine(value: unknown): value is Position[] {
  return Array.isArray(value) && value.length >= 2 && value.every(isPosition)
}

/**
 * Returns why a value is not an acceptable geometry of one of the `allowed` types (French, shown
 * in import reports and 422s), or null when it is.
 */
export function geometryProblem(value: unknown, allowed: Geometry['type'][]): string | null {
  if (!value || typeof value !== 'object') return 'géométrie absente'
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown }
  if (typeof type !== 'string' || !allowed.includes(type as Geometry['type'])) {
    return `géométrie de type ${String(type)} refusée (attendu : ${allowed.join(' ou ')})`
  }
  const valid =
    type === 'Point'
      ? isPosition(coordinates)
      : type === 'LineString'
        ? isLine(coordinates)
        : Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isLine)
  return valid ? null : `coordonnées invalides pour une géométrie ${type}`
}

/** Keeps only longitude and latitude, rounded to 7 decimals (about a centimetre). */
export function normaliseGeometry(geometry: Geometry): Geometry {
  const round = ([lng, lat]: Position): Position => [
    Math.round(lng * 1e7) / 1e7,
    Math.round(lat * 1e7) / 1e7,
  ]
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: round(geometry.coordinates) }
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(round) }
    case 'MultiLineString':
      return {
        type: 'MultiLineString',
        coordinates: geometry.coordinates.map((line) => line.map(round)),
      }
  }
}

/** Great-circle distance in metres. */
export function distanceInMetres(
  a: { lat: number; lng: number },
  b: { lat: number; lng: number }
): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h))
}
