import { BaseSchema } from '@adonisjs/lucid/schema'

const TABLES = [
  'info_news',
  'info_events',
  'info_places',
  'info_canteens',
  'info_contacts',
  'feed_items',
]

/**
 * Images of info content are media records (app/kernel/media): a deleted media leaves the
 * content without an image rather than pointing at nothing.
 */
export default class extends BaseSchema {
  async up() {
    for (const table of TABLES) {
      this.schema.alterTable(table, (builder) => {
        builder.foreign('image_media_id').references('id').inTable('media').onDelete('SET NULL')
      })
    }
  }

  async down() {
    for (const table of TABLES) {
      this.schema.alterTable(table, (builder) => {
        builder.dropForeign(['image_media_id'])
      })
    }
  }
}
