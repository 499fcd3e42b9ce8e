import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The citizen feed: one small row per news item or event (other modules may add their own
 * types), kept in step by the actions that publish, change or withdraw the content. The feed is
 * then one index scan per authority of the lineage, whatever the amount of content (ADR 0004).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('feed_items', (table) => {
      table.bigIncrements('id')
      table
        .integer('collectivity_id')
        .notNullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
      table.string('type', 32).notNullable()
      table.integer('item_id').notNullable()
      table.string('title', 255).notNullable()
      table.text('summary').nullable()
      table.integer('image_media_id').nullable()
      table.timestamp('published_at', { useTz: true }).notNullable()
      table.timestamp('expire_at', { useTz: true }).nullable()
      table.timestamp('starts_at', { useTz: true }).nullable()
      table.timestamp('ends_at', { useTz: true }).nullable()
      table.unique(['type', 'item_id'])
    })
    this.schema.raw(
      'CREATE INDEX feed_items_collectivity_published ON feed_items (collectivity_id, published_at DESC, id DESC)'
    )
  }

  async down() {
    this.schema.dropTable('feed_items')
  }
}
