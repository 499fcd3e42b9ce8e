import { DomainError } from '#kernel/http/errors'

/** One shape of a boundaries file: the official code it carries and its polygon geometry. */
export interface BoundaryFeature {
  index: number
  code: string
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }
}

const refuse = (message: string) => new DomainError('E_BOUNDARIES_FILE', message, 422, 'file')

function isPosition(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.every((coordinate) => typeof coordinate === 'number' && Number.isFinite(coordinate))
  )
}

/** A polygon is a list of closed rings of at least 4 positions. */
function isPolygon(rings: unknown): boolean {
  return (
    Array.isArray(rings) &&
    rings.length > 0 &&
    rings.every((ring) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition))
  )
}

function readFeature(feature: any, index: number): BoundaryFeature {
  const where = `Élément n° ${index}`
  if (!feature || feature.type !== 'Feature') throw refuse(`${where} : ce n’est pas un « Feature »`)
  const rawCode = feature.properties?.code
  const code = typeof rawCode === 'number' ? String(rawCode) : rawCode
  if (typeof code !== 'string' || code.trim() === '') {
    throw refuse(`${where} : pas de code officiel dans properties.code`)
  }
  const geometry = feature.geometry
  const type = geometry?.type
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    throw refuse(
      `${where} (code ${code}) : géométrie « ${type ?? 'absente'} », un Polygon ou un MultiPolygon est attendu`
    )
  }
  const polygons = type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  if (!Array.isArray(polygons) || polygons.length === 0 || !polygons.every(isPolygon)) {
    throw refuse(`${where} (code ${code}) : coordonnées de polygone invalides`)
  }
  return {
    index,
    code: code.trim().toUpperCase(),
    geometry: { type, coordinates: geometry.coordinates },
  }
}

/**
 * Reads a boundaries file (a GeoJSON FeatureCollection, or a single Feature as the département
 * files come) and checks every feature before anything is written: each must carry its code in
 * `properties.code` and a Polygon or MultiPolygon. The first fault is refused with its index.
 */
export function readBoundaryFeatures(text: string): BoundaryFeature[] {
  let document: any
  try {
    document = JSON.parse(text)
  } catch {
    throw refuse('Le fichier n’est pas du GeoJSON : JSON illisible')
  }
  if (document?.type === 'Feature') return [readFeature(document, 0)]
  if (document?.type !== 'FeatureCollection' || !Array.isArray(document.features)) {
    throw refuse('Le fichier n’est pas du GeoJSON : une FeatureCollection est attendue')
  }
  if (document.features.length === 0) throw refuse('La FeatureCollection ne contient aucun élément')
  return document.features.map((feature: unknown, index: number) => readFeature(feature, index))
}
