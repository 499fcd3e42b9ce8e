/** Shared with the benchmark, which runs the same statement from bare `pg`. */
export const FIND_COMMUNE_SQL = `SELECT c.id
  FROM collectivity_boundaries b
  JOIN collectivities c ON c.id = b.collectivity_id
  WHERE c.kind = 'commune' AND c.status = 'onboarded'
    AND ST_Intersects(b.shape, ST_SetSRID(ST_MakePoint(?, ?), 4326))
  ORDER BY c.code
  LIMIT 1`
