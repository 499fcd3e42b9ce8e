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
