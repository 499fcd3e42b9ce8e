import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * iCalendar's SEQUENCE (RFC 5545 §3.8.7.4): the revision of an event's time, raised each time
 * its start, end or all-day flag changes, so calendar clients replace their copy.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('info_events', (table) => {
      table.integer('sequence').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable('info_events', (table) => {
      table.dropColumn('sequence')
    })
  }
}
