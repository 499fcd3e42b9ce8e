/*
| The citizen API's bearer tokens, and the one statement that checks one (shared with the
| benchmarks' bare servers, which run the same SQL from bare `pg`).
*/
export const CITIZEN_TOKENS = {
  table: 'citizen_access_tokens',
  type: 'citizen_token',
  prefix: 'bst_',
} as const

/**
 * `last_used_at` (the « sessions » list, the GDPR export) is kept to within this much: a
 * citizen's burst of requests then costs one write, not one per request.
 */
export const LAST_USED_PRECISION = '5 minutes'

/** The token's own columns, read beside the citizen's under a `token_` prefix. */
export const TOKEN_COLUMNS = [
  'id',
  'tokenable_id',
  'type',
  'name',
  'hash',
  'abilities',
  'created_at',
  'updated_at',
  'last_used_at',
  'expires_at',
] as const

/**
 * The token by id, type, SHA-256 hash and expiry, its citizen, and the stamp of `last_used_at`
 * when it is older than LAST_USED_PRECISION (PostgreSQL runs a data-modifying CTE whether or
 * not the query reads it). Bindings: `verifyCitizenTokenBindings`.
 */
export const VERIFY_CITIZEN_TOKEN_SQL = `WITH token AS (
     SELECT * FROM ${CITIZEN_TOKENS.table}
      WHERE id = ? AND type = ? AND hash = ? AND (expires_at IS NULL OR expires_at > now())),
   stamp AS (
     UPDATE ${CITIZEN_TOKENS.table} SET last_used_at = now() FROM token
      WHERE ${CITIZEN_TOKENS.table}.id = token.id
        AND (token.last_used_at IS NULL OR token.last_used_at < now() - ?::interval))
   SELECT citizens.*, ${TOKEN_COLUMNS.map((c) => `token.${c} AS token_${c}`).join(', ')}
     FROM token JOIN citizens ON citizens.id = token.tokenable_id`

/** The bindings of VERIFY_CITIZEN_TOKEN_SQL: the token's id and the hex SHA-256 of its secret. */
export function verifyCitizenTokenBindings(identifier: number, hash: string) {
  return [identifier, CITIZEN_TOKENS.type, hash, LAST_USED_PRECISION]
}
