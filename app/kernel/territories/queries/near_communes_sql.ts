/*
| "Near me": the communes around a point (WGS84), the one whose shape holds it first, then the
| nearest shapes. `ST_DWithin` on the geometry (about 0.2° around, 15 to 22 km here) keeps the
| GiST index in use; the distance in metres is then computed for those few on a plane scaled
| around the point (metres per degree of latitude, and of longitude at that latitude): within
| 20 km it is off by well under 1 %, enough for « à 3,2 km », and unlike a cast to geography it
| needs no lookup in spatial_ref_sys (which a database emptied table by table no longer has).
| A point on a border shared by two communes goes to the smaller code, as in FIND_COMMUNE_SQL.
*/
export const NEAR_SEARCH_RADIUS_DEGREES = 0.2

export const NEAR_COMMUNES_SQL = `
WITH here AS (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS point),
scale AS (
  SELECT here.point, 111320 * cos(radians(ST_Y(here.point))) AS x, 110574 AS y FROM here
),
around AS (
  SELECT b.collectivity_id AS id,
         ST_Intersects(b.shape, here.point) AS holds_point,
         ST_Distance(ST_Scale(b.shape, here.x, here.y), ST_Scale(here.point, here.x, here.y)) AS distance
  FROM collectivity_boundaries b
  CROSS JOIN scale here
  WHERE ST_DWithin(b.shape, here.point, ${NEAR_SEARCH_RADIUS_DEGREES})
)
SELECT c.kind, c.code, c.name, c.slug, c.population, c.postal_codes, c.status,
       d.code AS departement_code, d.name AS departement_name,
       e.code AS epci_code, e.name AS epci_name,
       NULL AS alias_kind, NULL AS alias_code, NULL AS alias_name,
       CASE WHEN a.holds_point THEN 0 ELSE round(a.distance)::integer END AS distance_m
FROM around a
JOIN collectivities c ON c.id = a.id AND c.kind = 'commune'
LEFT JOIN collectivities d ON d.id = c.departement_id
LEFT JOIN collectivities e ON e.id = c.epci_id
ORDER BY a.holds_point DESC, a.distance, c.code
LIMIT ?`
