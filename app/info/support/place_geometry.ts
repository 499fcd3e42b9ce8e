/*
| Place filters in SQL. `info_places_position` is a GiST index on point(lng, lat): a box test
| with `<@` is an index scan; the exact great-circle distance is then computed on the rows it
| returns. Same Earth radius as `distanceInMetres` (support/geojson.ts).
*/

/** `point(lng, lat)` inside the box; bindings: min lng, min lat, max lng, max lat. */
export const insideBoxSql = 'point(lng, lat) <@ box(point(?, ?), point(?, ?))'

/** Haversine distance in metres from a point; bindings: lat, lat, lng. */
export const distanceSql =
  '2 * 6371000 * asin(sqrt(power(sin(radians(lat - ?) / 2), 2)' +
  ' + cos(radians(?)) * cos(radians(lat)) * power(sin(radians(lng - ?) / 2), 2)))'

const METRES_PER_DEGREE_OF_LATITUDE = 111_320

/** The [min lng, min lat, max lng, max lat] box holding a circle (a little wider, never narrower). */
export function boxAround(circle: {
  lat: number
  lng: number
  radius: number
}): [number, number, number, number] {
  const margin = 1.01
  const dLat = (circle.radius * margin) / METRES_PER_DEGREE_OF_LATITUDE
  // Degrees of longitude shrink towards the pole: size the box at the circle's poleward edge.
  const poleward = Math.min(Math.abs(circle.lat) + dLat, 89.9)
  const cos = Math.max(Math.cos((poleward * Math.PI) / 180), 0.01)
  const dLng = (circle.radius * margin) / (METRES_PER_DEGREE_OF_LATITUDE * cos)
  return [circle.lng - dLng, circle.lat - dLat, circle.lng + dLng, circle.lat + dLat]
}
