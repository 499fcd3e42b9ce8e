import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Signalement: categories per authority (seeded from the default catalogue at onboarding,
 * overridable), reports with their point (PostGIS, GiST), their media, a full history, "me too"
 * supports, flags, and the Open311 API keys.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('signalement_categories', (table) => {
      table.increments('id')
      table
        .integer('collectivity_id')
        .notNullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
      table.string('code', 64).notNullable()
      table.string('label', 255).notNullable()
      // Who handles it from here: null = as decided above (EPCI, then département, then catalogue).
      table.string('handling_level', 16).nullable()
      table.boolean('enabled').notNullable().defaultTo(true)
      table.integer('position').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['collectivity_id', 'code'])
    })
    this.schema.raw(
      "ALTER TABLE signalement_categories ADD CONSTRAINT signalement_categories_level_check CHECK (handling_level IN ('commune', 'epci', 'departement'))"
    )

    this.schema.createTable('signalement_reports', (table) => {
      table.increments('id')
      // The authority handling it (the tenant); the commune is where it is.
      table.integer('collectivity_id').notNullable().references('id').inTable('collectivities')
      table.integer('commune_id').notNullable().references('id').inTable('collectivities')
      table.string('category_code', 64).notNullable()
      table.text('description').notNullable()
      table.double('lat').notNullable()
      table.double('lng').notNullable()
      // Derived from lat/lng by PostgreSQL, so every writer (ORM, Open311, bench) agrees.
      table.specificType(
        'position',
        'geometry(Point, 4326) GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lng, lat), 4326)) STORED'
      )
      table.string('address', 500).nullable()
      table
        .integer('citizen_id')
        .nullable()
        .references('id')
        .inTable('citizens')
        .onDelete('SET NULL')
      // Open311 reporters have no account: what they gave.
      table.string('reporter_email', 255).nullable()
      table.string('reporter_name', 255).nullable()
      table.string('source', 16).notNullable().defaultTo('app')
      table.integer('api_key_id').nullable()
      table.boolean('anonymous').notNullable().defaultTo(false)
      table.string('status', 16).notNullable().defaultTo('submitted')
      table.string('moderation', 16).notNullable().defaultTo('pending')
      table.text('public_message').nullable()
      table.integer('flags_count').notNullable().defaultTo(0)
      table.integer('supports_count').notNullable().defaultTo(0)
      table.boolean('overdue').notNullable().defaultTo(false)
      table.integer('merged_into_id').nullable().references('id').inTable('signalement_reports')
      table.timestamp('acknowledged_at', { useTz: true }).nullable()
      table.timestamp('resolved_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['collectivity_id', 'created_at'])
      table.index(['citizen_id', 'created_at'])
    })
    this.schema.raw(
      "ALTER TABLE signalement_reports ADD CONSTRAINT signalement_reports_status_check CHECK (status IN ('submitted', 'acknowledged', 'in_progress', 'resolved', 'rejected'))"
    )
    this.schema.raw(
      "ALTER TABLE signalement_reports ADD CONSTRAINT signalement_reports_moderation_check CHECK (moderation IN ('pending', 'published', 'hidden'))"
    )
    this.schema.raw(
      'CREATE INDEX signalement_reports_position ON signalement_reports USING gist (position)'
    )
    // The public map of one authority: published reports only.
    this.schema.raw(
      "CREATE INDEX signalement_reports_public ON signalement_reports USING gist (position) WHERE moderation = 'published' AND merged_into_id IS NULL"
    )

    this.schema.createTable('signalement_report_media', (table) => {
      table
        .integer('report_id')
        .notNullable()
        .references('id')
        .inTable('signalement_reports')
        .onDelete('CASCADE')
      table.integer('media_id').notNullable().references('id').inTable('media').onDelete('CASCADE')
      table.integer('position').notNullable()
      table.text('hidden_reason').nullable()
      table.timestamp('hidden_at', { useTz: true }).nullable()
      table.primary(['report_id', 'media_id'])
    })

    this.schema.createTable('signalement_report_events', (table) => {
      table.increments('id')
      table
        .integer('report_id')
        .notNullable()
        .references('id')
        .inTable('signalement_reports')
        .onDelete('CASCADE')
      table.string('kind', 32).notNullable()
      table.string('from_status', 16).nullable()
      table.string('to_status', 16).nullable()
      table.text('public_message').nullable()
      table.text('internal_note').nullable()
      table.integer('agent_id').nullable().references('id').inTable('agents').onDelete('SET NULL')
      table.integer('from_collectivity_id').nullable().references('id').inTable('collectivities')
      table.integer('to_collectivity_id').nullable().references('id').inTable('collectivities')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['report_id', 'created_at'])
    })

    // "Me too" and flags: once per citizen and report.
    for (const name of ['signalement_supports', 'signalement_flags']) {
      this.schema.createTable(name, (table) => {
        table
          .integer('report_id')
          .notNullable()
          .references('id')
          .inTable('signalement_reports')
          .onDelete('CASCADE')
        table
          .integer('citizen_id')
          .notNullable()
          .references('id')
          .inTable('citizens')
          .onDelete('CASCADE')
        if (name === 'signalement_flags') table.string('reason', 500).nullable()
        table.timestamp('created_at', { useTz: true }).notNullable()
        table.primary(['report_id', 'citizen_id'])
      })
    }

    this.schema.createTable('open311_api_keys', (table) => {
      table.increments('id')
      table
        .integer('collectivity_id')
        .notNullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
      table.string('name', 255).notNullable()
      // SHA-256 of the key: the key itself is shown once, when issued.
      table.string('key_hash', 64).notNullable().unique()
      table.string('key_prefix', 8).notNullable()
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    for (const name of [
      'open311_api_keys',
      'signalement_flags',
      'signalement_supports',
      'signalement_report_events',
      'signalement_report_media',
      'signalement_reports',
      'signalement_categories',
    ]) {
      this.schema.dropTable(name)
    }
  }
}
