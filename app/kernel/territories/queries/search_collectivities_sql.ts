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
 * The ways of matching, each written so that PostgreSQL answers it from one index (code and
 * postal codes: btree + GIN; prefix: btree text_pattern_ops; word prefix and similarity:
 * pg_trgm GIN). An OR of them all made the planner scan every row.
 */
const BY_CODE = (t: string) => `${t}.code = :code OR ${t}.postal_codes @> ARRAY[:code]::text[]`
const BY_PREFIX = (t: string) => `${t}.search_name LIKE :prefix`
const BY_WORD = (t: string) => `${t}.search_name LIKE :word`
const BY_SIMILARITY = (t: string) => `${t}.search_name % :name`

/**
 * The authorities matching one way, cut to the `:limit` best of that way: a collectivity has
 * one row there, so any authority beyond the first `:limit` of a branch has `:limit` better
 * ones and cannot reach the answer. This bounds the rows sorted and joined later ("saint"
 * alone is a prefix of 3,900 communes).
 */
const collectivityBranch = (matcher: (t: string) => string, stage: string) => `(
    SELECT c.id, NULL::integer AS alias_id, ${TIER('c')} AS tier,
           similarity(c.search_name, :name) AS score
    FROM collectivities c
    WHERE ${stage} (CAST(:kind AS text) IS NULL OR c.kind = :kind) AND (${matcher('c')})
    ORDER BY tier, score DESC, c.population DESC NULLS LAST, c.name
    LIMIT :limit)`

/** Aliases (communes déléguées, associées, arrondissements): a small table, taken whole. */
const aliasBranch = (matcher: (t: string) => string, stage: string) => `
    SELECT a.collectivity_id, a.id, ${TIER('a')}, similarity(a.search_name, :name)
    FROM collectivity_aliases a
    WHERE ${stage} (CAST(:kind AS text) IS NULL OR :kind = 'commune') AND (${matcher('a')})`

/**
 * A later stage runs only while the earlier ones found fewer than `:limit` authorities: the
 * ranking puts every code, exact-name and prefix match (tiers 0–2) before any word-prefix match
 * (3), and those before mere similarity (4), so once `:limit` are found nothing later can enter.
 * PostgreSQL evaluates such a condition once and skips the scans below it (One-Time Filter):
 * common words never reach the trigram index, which is what costs most on all of France.
 */
const stillShort = (stages: string[]) =>
  `(SELECT count(DISTINCT id) FROM (${stages.map((stage) => `SELECT id FROM ${stage}`).join(' UNION ALL ')}) found) < :limit AND`

/**
 * Similarity is the last resort, for typos. At pg_trgm's default threshold (0.3) a full name
 * made of common words ("Dierrey-Saint-Pierre") pulls hundreds of "saint pierre …" rows out of
 * the GIN index, each rechecked; at 0.4 the index itself discards them (36 ms → 9 ms on all of
 * France) while typos still match ("condon" → Condom 0.56, "tolouse" → Toulouse 0.55). The
 * threshold is set for this statement's own transaction only, by the stage's one-time
 * condition, which PostgreSQL evaluates before it starts the scans below it.
 */
export const FALLBACK_SIMILARITY = 0.4
const RAISED_THRESHOLD = `(SELECT set_config('pg_trgm.similarity_threshold', '${FALLBACK_SIMILARITY}', true)) IS NOT NULL AND`

const stage = (matcher: (t: string) => string, condition = '') => [
  collectivityBranch(matcher, condition),
  aliasBranch(matcher, condition),
]

/**
 * The citizen search in one statement (the benchmark runs this very SQL on bare `pg`). Matches
 * authorities and aliases alike, keeps each authority's best match, then ranks: official or
 * postal code, exact name, name prefix, word prefix, trigram similarity (pg_trgm), then
 * population. Named parameters (`:code`…) are turned into positional ones by
 * `searchCollectivitiesQuery`.
 *
 * An authority's best match is its lowest tier and, within a tier, its own name before an
 * alias. A branch cut to `:limit` may have dropped the authority's own row while one of its
 * aliases matched at the same tier, so `ranked` puts the own name back whenever it matches
 * at least as well (its tier computed again from the row itself).
 */
const SEARCH_SQL_NAMED = `
WITH leading_matches AS (
  ${[...stage(BY_CODE), ...stage(BY_PREFIX)].join('\n  UNION ALL\n  ')}
), word_matches AS (
  ${stage(BY_WORD, stillShort(['leading_matches'])).join('\n  UNION ALL\n  ')}
), similar_matches AS (
  ${stage(BY_SIMILARITY, `${stillShort(['leading_matches', 'word_matches'])} ${RAISED_THRESHOLD}`).join('\n  UNION ALL\n  ')}
), best AS (
  SELECT DISTINCT ON (id) id, alias_id, tier, score
  FROM (SELECT * FROM leading_matches UNION ALL SELECT * FROM word_matches
        UNION ALL SELECT * FROM similar_matches) matches
  ORDER BY id, tier, alias_id IS NOT NULL, score DESC
), ranked AS (
  SELECT b.id,
         CASE WHEN own.better THEN NULL ELSE b.alias_id END AS alias_id,
         CASE WHEN own.better THEN own.tier ELSE b.tier END AS tier,
         CASE WHEN own.better THEN similarity(c.search_name, :name) ELSE b.score END AS score
  FROM best b
  JOIN collectivities c ON c.id = b.id
  CROSS JOIN LATERAL (SELECT ${TIER('c')} AS tier) own_tier
  CROSS JOIN LATERAL (
    SELECT b.alias_id IS NOT NULL AND own_tier.tier <= b.tier
           AND (own_tier.tier < 4 OR c.search_name % :name) AS better,
           own_tier.tier
  ) own
)
SELECT c.kind, c.code, c.name, c.slug, c.population, c.postal_codes, c.status,
       d.code AS departement_code, d.name AS departement_name,
       e.code AS epci_code, e.name AS epci_name,
       a.kind AS alias_kind, a.code AS alias_code, a.name AS alias_name
FROM ranked r
JOIN collectivities c ON c.id = r.id
LEFT JOIN collectivities d ON d.id = c.departement_id
LEFT JOIN collectivities e ON e.id = c.epci_id
LEFT JOIN collectivity_aliases a ON a.id = r.alias_id
ORDER BY r.tier, r.score DESC, c.population DESC NULLS LAST, c.name
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
