/**
 * The commune, its EPCI and its département, each with its setting of one category (RouteReport),
 * shared with the benchmark's bare `pg` baseline. Parameters: category code, commune id.
 */
export const LINEAGE_CATEGORY_SQL = `SELECT a.id, a.kind, a.code, a.name, a.modules,
    k.enabled, k.handling_level, k.label
  FROM collectivities c
  JOIN collectivities a ON a.id IN (c.id, c.epci_id, c.departement_id)
  LEFT JOIN signalement_categories k ON k.collectivity_id = a.id AND k.code = ?
  WHERE c.id = ?`
