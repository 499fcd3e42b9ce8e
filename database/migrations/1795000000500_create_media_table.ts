import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Uploaded photos and videos. The original is private (its storage key never leaves the
 * server); what the public sees are the variants the media jobs derive from it, listed in
 * `variants` once the state is `ready`.
 */
export default class extends BaseSchema {
  protected tableName = 'media'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      // Names the storage folder and the public URLs: never the client's file name.
      table.uuid('public_id').notNullable().unique()
      table
        .integer('collectivity_id')
        .notNullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
      // Agent or citizen: two tables, so no foreign key; null for media made by the platform.
      table.string('uploader_type', 16).nullable()
      table.integer('uploader_id').nullable()
      table.string('kind', 8).notNullable()
      table.string('state', 16).notNullable().defaultTo('pending')
      table.string('failure_code', 64).nullable()
      table.text('failure_reason').nullable()
      // Facts about the original, as detected from its bytes (mime) and by the pipeline.
      table.string('mime', 64).notNullable()
      table.bigInteger('bytes').notNullable()
      table.integer('width').nullable()
      table.integer('height').nullable()
      table.integer('duration_ms').nullable()
      table.string('video_codec', 32).nullable()
      table.string('audio_codec', 32).nullable()
      table.string('original_key', 255).notNullable()
      table.jsonb('variants').notNullable().defaultTo('[]')
      table.jsonb('placeholder').nullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('processed_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['collectivity_id', 'created_at'])
      table.index(['uploader_type', 'uploader_id'])
      table.index(['state', 'created_at'])
    })
    this.schema.raw(
      "ALTER TABLE media ADD CONSTRAINT media_kind_check CHECK (kind IN ('image', 'video'))"
    )
    this.schema.raw(
      "ALTER TABLE media ADD CONSTRAINT media_state_check CHECK (state IN ('pending', 'processing', 'ready', 'failed'))"
    )
    this.schema.raw(
      "ALTER TABLE media ADD CONSTRAINT media_uploader_type_check CHECK (uploader_type IN ('agent', 'citizen'))"
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
