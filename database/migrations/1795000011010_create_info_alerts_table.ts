import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Alerts (info module): urgent notices of an authority (road closed, water cut, weather
 * vigilance, emergency), published like other content, always with an end: shown first in the
 * feed until then, and pushed to the residents who follow the commune.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('info_alerts', (table) => {
      table.increments('id')
      table
        .integer('collectivity_id')
        .notNullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
      table.string('kind', 32).notNullable()
      table.string('title', 255).notNullable()
      table.text('body').nullable()
      // Shared with the other publishable contents (imports, image); unused by alerts so far.
      table.string('source', 64).nullable()
      table.string('source_id', 255).nullable()
      table.integer('image_media_id').nullable()
      table.string('status', 16).notNullable().defaultTo('draft')
      table.timestamp('publish_at', { useTz: true }).nullable()
      table.timestamp('expire_at', { useTz: true }).nullable()
      // Set once the push for this publication is queued: a re-publication does not push twice.
      table.timestamp('pushed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['collectivity_id', 'publish_at'])
    })
  }

  async down() {
    this.schema.dropTable('info_alerts')
  }
}
