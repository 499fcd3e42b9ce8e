/**
 * Shared with the benchmark, which runs the same statement from bare `pg`. `commune_at` (a
 * PL/pgSQL function over the subdivided shapes, migration 1795000009300, ADR 0023) keeps its
 * plan prepared per connection.
 */
export const FIND_COMMUNE_SQL = `SELECT commune_at(?, ?) AS id`
