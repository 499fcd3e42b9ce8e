import db from '@adonisjs/lucid/services/db'

type TruncateAllTables = (excludeTables: string[], schemas?: string[]) => Promise<void>

/**
 * Lucid's `db:truncate` (what `testUtils.db().truncate()` runs between tests) empties every table
 * of the schema but the migrations' own, PostGIS's `spatial_ref_sys` included: its
 * `dropAllTables` spares that table (`wipe.ignoreTables`), its `truncateAllTables` does not.
 * Once emptied, any query that looks an SRID up (a geography cast, ST_Transform) fails with
 * "Cannot find SRID (4326)" in whatever test happens to run next. Every truncation of the run
 * keeps the catalogue; worth reporting upstream.
 */
export function keepPostgisCatalogOnTruncate() {
  const dialect = Object.getPrototypeOf(db.connection().dialect) as {
    truncateAllTables: TruncateAllTables
  }
  const truncateAllTables = dialect.truncateAllTables
  dialect.truncateAllTables = function (this: unknown, excludeTables, schemas) {
    return truncateAllTables.call(this, [...excludeTables, 'spatial_ref_sys'], schemas)
  }
}
