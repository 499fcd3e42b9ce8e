import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Open311 GeoReport v2 lets a client send `media_url` (a photo hosted elsewhere) and
 * `device_id` (the reporting device): both are kept on the report. The URL is only ever shown
 * to agents as a link, never fetched by the server (SSRF).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('signalement_reports', (table) => {
      table.string('media_url', 2048).nullable()
      table.string('device_id', 255).nullable()
    })
  }

  async down() {
    this.schema.alterTable('signalement_reports', (table) => {
      table.dropColumn('media_url')
      table.dropColumn('device_id')
    })
  }
}
