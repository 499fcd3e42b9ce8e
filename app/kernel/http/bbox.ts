import { DomainError } from '#kernel/http/errors'

/** `?bbox=` as the API spells it: four decimals separated by commas (checked by the validator). */
export const BBOX_PATTERN = /^-?\d+(?:\.\d+)?(?:,-?\d+(?:\.\d+)?){3}$/

/**
 * `bbox=minLng,minLat,maxLng,maxLat` as numbers, checked against the globe (422 otherwise).
 * Shared by every map listing of the API (info places, signalement reports).
 */
export function parseBbox(bbox: string | undefined): [number, number, number, number] | undefined {
  if (!bbox) return undefined
  const [minLng, minLat, maxLng, maxLat] = bbox.split(',').map(Number)
  if (
    minLng > maxLng ||
    minLat > maxLat ||
    Math.abs(minLat) > 90 ||
    Math.abs(maxLat) > 90 ||
    Math.abs(minLng) > 180 ||
    Math.abs(maxLng) > 180
  ) {
    throw new DomainError(
      'E_INVALID_BBOX',
      'bbox attendue : lng min, lat min, lng max, lat max',
      422,
      'bbox'
    )
  }
  return [minLng, minLat, maxLng, maxLat]
}
