import { BaseSchema } from '@adonisjs/lucid/schema'
import type { Knex } from 'knex'

/** The columns every publishable info content shares: owner, publication state, import source. */
function publishable(table: Knex.CreateTableBuilder) {
  table.increments('id')
  table
    .integer('collectivity_id')
    .notNullable()
    .references('id')
    .inTable('collectivities')
    .onDelete('CASCADE')
  table.string('status', 16).notNullable().defaultTo('draft')
  table.timestamp('publish_at', { useTz: true }).nullable()
  table.timestamp('expire_at', { useTz: true }).nullable()
  // Imported rows: the open-data file they came from and their id there (reruns update them).
  table.string('source', 32).nullable()
  table.string('source_id', 255).nullable()
  table.integer('image_media_id').nullable()
  table.timestamp('created_at', { useTz: true }).notNullable()
  table.timestamp('updated_at', { useTz: true }).notNullable()
  table.unique(['collectivity_id', 'source', 'source_id'])
  table.index(['collectivity_id', 'status'])
}

const STATES = "('draft', 'scheduled', 'published', 'expired')"

/**
 * News, events, places, canteens with their menus, and useful contacts. Each row belongs to one
 * authority and goes draft → scheduled (publish_at in the future) → published → expired
 * (expire_at passed); reads filter on the dates too, so a late job never shows stale content.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('info_news', (table) => {
      publishable(table)
      table.string('title', 255).notNullable()
      table.text('summary').nullable()
      table.text('body').notNullable().defaultTo('')
      table.boolean('pinned').notNullable().defaultTo(false)
    })

    this.schema.createTable('info_events', (table) => {
      publishable(table)
      table.string('title', 255).notNullable()
      table.text('description').notNullable().defaultTo('')
      table.timestamp('starts_at', { useTz: true }).notNullable()
      table.timestamp('ends_at', { useTz: true }).notNullable()
      table.boolean('all_day').notNullable().defaultTo(false)
      table.string('place_name', 255).nullable()
      table.string('address', 500).nullable()
      table.double('lat').nullable()
      table.double('lng').nullable()
      table.string('category', 32).notNullable().defaultTo('other')
      table.string('organiser', 255).nullable()
      table.string('price', 255).nullable()
      table.string('link', 2048).nullable()
      table.index(['collectivity_id', 'starts_at'])
    })

    this.schema.createTable('info_places', (table) => {
      publishable(table)
      table.string('category', 32).notNullable()
      table.string('name', 255).notNullable()
      table.text('description').notNullable().defaultTo('')
      table.string('address', 500).nullable()
      // Points also get lat/lng (filters, distance); lines (bike lanes) keep only the geometry.
      table.double('lat').nullable()
      table.double('lng').nullable()
      table.jsonb('geometry').nullable()
      table.string('phone', 64).nullable()
      table.string('email', 254).nullable()
      table.string('website', 2048).nullable()
      table.string('opening_hours', 1000).nullable()
      table.specificType('tags', 'text[]').notNullable().defaultTo('{}')
      // Per category: products (producer), type and capacity (accommodation), cuisine (restaurant).
      table.jsonb('details').notNullable().defaultTo('{}')
      table.index(['collectivity_id', 'category'])
      table.index(['lat', 'lng'])
    })

    this.schema.createTable('info_canteens', (table) => {
      publishable(table)
      table.string('name', 255).notNullable()
      table.string('type', 32).notNullable().defaultTo('autre')
      table.string('address', 500).nullable()
    })

    this.schema.createTable('info_menus', (table) => {
      table.increments('id')
      table
        .integer('collectivity_id')
        .notNullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
      table
        .integer('canteen_id')
        .notNullable()
        .references('id')
        .inTable('info_canteens')
        .onDelete('CASCADE')
      table.date('date').notNullable()
      table.string('meal', 32).notNullable()
      table.jsonb('dishes').notNullable().defaultTo('[]')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['canteen_id', 'date', 'meal'])
    })

    this.schema.createTable('info_contacts', (table) => {
      publishable(table)
      table.string('theme', 32).notNullable()
      table.string('name', 255).notNullable()
      table.text('description').nullable()
      table.string('phone', 64).nullable()
      table.string('email', 254).nullable()
      table.string('address', 500).nullable()
      table.string('website', 2048).nullable()
      table.string('hours', 500).nullable()
      table.integer('rank').notNullable().defaultTo(100)
    })

    for (const name of [
      'info_news',
      'info_events',
      'info_places',
      'info_canteens',
      'info_contacts',
    ]) {
      this.schema.raw(
        `ALTER TABLE ${name} ADD CONSTRAINT ${name}_status_check CHECK (status IN ${STATES})`
      )
    }
    this.schema.raw(
      'ALTER TABLE info_events ADD CONSTRAINT info_events_dates_check CHECK (ends_at >= starts_at)'
    )
  }

  async down() {
    for (const name of [
      'info_contacts',
      'info_menus',
      'info_canteens',
      'info_places',
      'info_events',
      'info_news',
    ]) {
      this.schema.dropTable(name)
    }
  }
}
