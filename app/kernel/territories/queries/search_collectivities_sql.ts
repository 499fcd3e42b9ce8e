import type { CollectivityKind } from '#kernel/territories/models/collectivity'
import { normalizeQuery } from '#kernel/territories/cog/normalize'

/**
 * The citizen search in one statement (the benchmark runs this very SQL on bare `pg`). Matches
 * authorities and aliases (communes déléguées, associées, arrondissements) alike, keeps each
 * authority's best match, then ranks: official or postal code, exact name, name prefix, word
 * prefix, trigram similarity (pg_trgm), then population.
 */
export const SEARCH_COLLECTIVITIES_SQL = `
WITH matches AS (
  SELECT c.id, NULL::integer AS alias_id,
         CASE WHEN c.code = ? OR c.postal_codes @> ARRAY[?]::text[] THEN 0
              WHEN c.search_name = ? THEN 1
              WHEN c.search_name LIKE ? THEN 2
              WHEN c.search_name LIKE ? THEN 3
              ELSE 4 END AS tier,
         similarity(c.search_name, ?) AS score
  FROM collectivities c
  WHERE (CAST(? AS text) IS NULL OR c.kind = ?)
    AND (c.code = ? OR c.postal_codes @> ARRAY[?]::text[]
         OR c.search_name LIKE ? OR c.search_name LIKE ? OR c.search_name % ?)
  UNION ALL
  SELECT a.collectivity_id, a.id,
         CASE WHEN a.code = ? OR a.postal_codes @> ARRAY[?]::text[] THEN 0
              WHEN a.search_name = ? THEN 1
              WHEN a.search_name LIKE ? THEN 2
              WHEN a.search_name LIKE ? THEN 3
              ELSE 4 END,
         similarity(a.search_name, ?)
  FROM collectivity_aliases a
  WHERE (CAST(? AS text) IS NULL OR ? = 'commune')
    AND (a.code = ? OR a.postal_codes @> ARRAY[?]::text[]
         OR a.search_name LIKE ? OR a.search_name LIKE ? OR a.search_name % ?)
), best AS (
  SELECT DISTINCT ON (id) id, alias_id, tier, score
  FROM matches
  ORDER BY id, tier, alias_id IS NOT NULL, score DESC
)
SELECT c.kind, c.code, c.name, c.slug, c.population, c.postal_codes, c.status,
       d.code AS departement_code, d.name AS departement_name,
       e.code AS epci_code, e.name AS epci_name,
       a.kind AS alias_kind, a.code AS alias_code, a.name AS alias_name
FROM best b
JOIN collectivities c ON c.id = b.id
LEFT JOIN collectivities d ON d.id = c.departement_id
LEFT JOIN collectivities e ON e.id = c.epci_id
LEFT JOIN collectivity_aliases a ON a.id = b.alias_id
ORDER BY b.tier, b.score DESC, c.population DESC NULLS LAST, c.name
LIMIT ?`

export interface SearchCollectivitiesParams {
  q: string
  kind?: CollectivityKind | null
  limit: number
}

/** The positional bindings of SEARCH_COLLECTIVITIES_SQL, in order. */
export function searchCollectivitiesBindings({ q, kind, limit }: SearchCollectivitiesParams) {
  const code = q.trim().toUpperCase()
  const name = normalizeQuery(q)
  const prefix = `${escapeLike(name)}%`
  const wordPrefix = `% ${escapeLike(name)}%`
  const matchOn = (kindFilter: string | null) => [
    code,
    code,
    name,
    prefix,
    wordPrefix,
    name,
    kindFilter,
    kindFilter,
    code,
    code,
    prefix,
    wordPrefix,
    name,
  ]
  return [...matchOn(kind ?? null), ...matchOn(kind ?? null), limit]
}

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`)
}

export interface CollectivitySearchRow {
  kind: CollectivityKind
  code: string
  name: string
  slug: string
  population: number | null
  postal_codes: string[]
  status: string
  departement_code: string | null
  departement_name: string | null
  epci_code: string | null
  epci_name: string | null
  alias_kind: string | null
  alias_code: string | null
  alias_name: string | null
}
