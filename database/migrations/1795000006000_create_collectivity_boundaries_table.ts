import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Territories get their shapes (PostGIS): one MultiPolygon per commune, EPCI or département, in
 * WGS84. A table of its own rather than a column of `collectivities`, so that reading an
 * authority never drags its shape along. The GiST index answers "which commune holds this
 * point" for the routing of incident reports.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS postgis')
    // A database whose `spatial_ref_sys` was emptied (Lucid's db:truncate did so to test
    // databases before tests/helpers/postgis_catalog.ts) gets the extension back whole: nothing
    // uses PostGIS before this migration, so dropping it here loses nothing.
    this.schema.raw(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM spatial_ref_sys WHERE srid = 4326) THEN
        DROP EXTENSION postgis;
        CREATE EXTENSION postgis;
      END IF;
    END $$`)
    this.schema.createTable('collectivity_boundaries', (table) => {
      table
        .integer('collectivity_id')
        .primary()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
      table.specificType('shape', 'geometry(MultiPolygon, 4326)').notNullable()
      // The file the shape came from (its name), so that an import's report can be traced.
      table.string('source', 255).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.raw(
      'CREATE INDEX collectivity_boundaries_shape ON collectivity_boundaries USING gist (shape)'
    )
  }

  async down() {
    this.schema.dropTable('collectivity_boundaries')
  }
}
