import env from '#start/env'

/** OpenStreetMap's standard tiles: fine for a back-office's light use (tile usage policy). */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'
export const DEFAULT_TILE_ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright">les contributeurs d’OpenStreetMap</a>'

/**
 * The background of the back-office maps: `MAP_TILE_URL` (OpenStreetMap by default), or none
 * when it is `none` (offline installations, tests): the map is then a plain grid and the point
 * is still placed by click or by the coordinate fields.
 */
export function mapTiles(): { tileUrl: string | null; attribution: string | null } {
  const url = env.get('MAP_TILE_URL')?.trim() || DEFAULT_TILE_URL
  if (url.toLowerCase() === 'none') return { tileUrl: null, attribution: null }
  return {
    tileUrl: url,
    attribution:
      env.get('MAP_TILE_ATTRIBUTION')?.trim() ||
      (url === DEFAULT_TILE_URL ? DEFAULT_TILE_ATTRIBUTION : null),
  }
}
