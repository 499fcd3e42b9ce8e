import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Info module, second step:
 * - `feed_items.pinned`: the feed flags pinned news without reading `info_news`;
 * - menus get their own publication state and dates (an agent prepares next week's menus in
 *   draft). Rows that existed (imports) stay visible: published since they were written;
 * - places: a GiST index on the point `(lng, lat)` so a bounding box (`bbox`, or the box around
 *   a `near` circle) is an index scan; the exact distance is computed on what it returns.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('feed_items', (table) => {
      table.boolean('pinned').notNullable().defaultTo(false)
    })
    this.schema.alterTable('info_menus', (table) => {
      table.string('status', 16).notNullable().defaultTo('published')
      table.timestamp('publish_at', { useTz: true }).nullable()
      table.timestamp('expire_at', { useTz: true }).nullable()
    })
    this.schema.raw('UPDATE info_menus SET publish_at = created_at')
    this.schema.raw(
      "ALTER TABLE info_menus ADD CONSTRAINT info_menus_status_check CHECK (status IN ('draft', 'scheduled', 'published', 'expired'))"
    )
    this.schema.raw(
      'CREATE INDEX info_places_position ON info_places USING gist (point(lng, lat)) WHERE lat IS NOT NULL AND lng IS NOT NULL'
    )
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS info_places_position')
    // The status check goes with its column.
    this.schema.alterTable('info_menus', (table) => {
      table.dropColumns('status', 'publish_at', 'expire_at')
    })
    this.schema.alterTable('feed_items', (table) => {
      table.dropColumn('pinned')
    })
  }
}
