import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What each merge of a duplicate changed, so that a moderator can undo it exactly: the
 * duplicate's state before it closed, and the rows it added to the original (media, supports)
 * or re-pointed (the duplicates it had absorbed). Rows that were already there are not listed,
 * so an undo never takes away what the original had on its own.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('signalement_report_merges', (table) => {
      table.increments('id')
      table
        .integer('duplicate_id')
        .notNullable()
        .references('id')
        .inTable('signalement_reports')
        .onDelete('CASCADE')
      table
        .integer('original_id')
        .notNullable()
        .references('id')
        .inTable('signalement_reports')
        .onDelete('CASCADE')
      table.string('previous_status', 16).notNullable()
      table.timestamp('previous_resolved_at', { useTz: true }).nullable()
      table.boolean('previous_overdue').notNullable()
      table.text('previous_public_message').nullable()
      table.specificType('added_media_ids', 'integer[]').notNullable()
      table.specificType('added_supporter_ids', 'integer[]').notNullable()
      table.specificType('repointed_report_ids', 'integer[]').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('undone_at', { useTz: true }).nullable()
      table.index(['duplicate_id'])
    })
  }

  async down() {
    this.schema.dropTable('signalement_report_merges')
  }
}
