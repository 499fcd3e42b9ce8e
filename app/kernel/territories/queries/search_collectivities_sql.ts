import type { CollectivityKind } from '#kernel/territories/models/collectivity'
import { normalizeQuery } from '#kernel/territories/cog/normalize'

const TIER = (
  t: string
) => `CASE WHEN ${t}.code = :code OR ${t}.postal_codes @> ARRAY[:code]::text[] THEN 0
              WHEN ${t}.search_name = :name THEN 1
              WHEN ${t}.search_name LIKE :prefix THEN 2
              WHEN ${t}.search_name LIKE :word THEN 3
              ELSE 4 END`

/**
 * One way of matching, written so that PostgreSQL answers it from one index (code and postal
 * codes: btree + GIN; prefix: btree text_pattern_ops; word prefix and similarity: pg_trgm GIN).
 * An OR of them all made the planner scan every row and compute a similarity for each.
 */
const MATCHERS = [
  (t: string) => `${t}.code = :code OR ${t}.postal_codes @> ARRAY[:code]::text[]`,
  (t: string) => `${t}.search_name LIKE :prefix`,
  (t: string) => `${t}.search_name LIKE :word`,
  (t: string) => `${t}.search_name % :name`,
]

const collectivityBranches = MATCHERS.map(
  (
    matcher
  ) => `SELECT c.id, NULL::integer AS alias_id, ${TIER('c')} AS tier, similarity(c.search_name, :name) AS score
  FROM collectivities c
  WHERE (CAST(:kind AS text) IS NULL OR c.kind = :kind) AND (${matcher('c')})`
)
const aliasBranches = MATCHERS.map(
  (matcher) => `SELECT a.collectivity_id, a.id, ${TIER('a')}, similarity(a.search_name, :name)
  FROM collectivity_aliases a
  WHERE (CAST(:kind AS text) IS NULL OR :kind = 'commune') AND (${matcher('a')})`
)

/**
 * The citizen search in one statement (the benchmark runs this very SQL on bare `pg`). Matches
 * authorities and aliases (communes déléguées, associées, arrondissements) alike, keeps each
 * authority's best match, then ranks: official or postal code, exact name, name prefix, word
 * prefix, trigram similarity (pg_trgm), then population. Named parameters (`:code`…) are
 * turned into positional ones by `searchCollectivitiesQuery`.
 */
const SEARCH_SQL_NAMED = `
WITH matches AS (
  ${[...collectivityBranches, ...aliasBranches].join('\n  UNION ALL\n  ')}
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
LIMIT :limit`

const PARAMETER = /:(code|name|prefix|word|kind|limit)\b/g

/** The statement with `?` placeholders, and the names of its parameters in order. */
export const SEARCH_COLLECTIVITIES_SQL = SEARCH_SQL_NAMED.replace(PARAMETER, '?')
const PARAMETER_ORDER = [...SEARCH_SQL_NAMED.matchAll(PARAMETER)].map((match) => match[1])

export interface SearchCollectivitiesParams {
  q: string
  kind?: CollectivityKind | null
  limit: number
}

/** The positional bindings of SEARCH_COLLECTIVITIES_SQL, in order. */
export function searchCollectivitiesBindings({ q, kind, limit }: SearchCollectivitiesParams) {
  const name = normalizeQuery(q)
  const values: Record<string, string | number | null> = {
    code: q.trim().toUpperCase(),
    name,
    prefix: `${escapeLike(name)}%`,
    word: `% ${escapeLike(name)}%`,
    kind: kind ?? null,
    limit,
  }
  return PARAMETER_ORDER.map((parameter) => values[parameter])
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
