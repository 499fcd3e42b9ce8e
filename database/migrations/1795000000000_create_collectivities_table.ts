import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Authorities (département, EPCI, commune): the tenants of Bastide. Every tenant row of every
 * module points here through `collectivity_id`.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm')

    this.schema.createTable('collectivities', (table) => {
      table.increments('id')
      table.string('kind', 16).notNullable()
      table.string('code', 16).notNullable()
      table.string('name', 255).notNullable()
      table.string('slug', 255).notNullable().unique()
      // Lower-case, accents and hyphens removed: what the citizen search compares against.
      table.string('search_name', 255).notNullable()
      table.integer('population').nullable()
      table.specificType('postal_codes', 'text[]').notNullable().defaultTo('{}')
      table.integer('departement_id').nullable().references('id').inTable('collectivities')
      table.integer('epci_id').nullable().references('id').inTable('collectivities')
      table.string('status', 16).notNullable().defaultTo('listed')
      table.jsonb('branding').notNullable().defaultTo('{}')
      table.jsonb('modules').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['kind', 'code'])
      // The citizen search matches an official code without knowing its kind.
      table.index(['code'])
      table.index(['departement_id'])
      table.index(['epci_id'])
    })
    this.schema.raw(
      "ALTER TABLE collectivities ADD CONSTRAINT collectivities_kind_check CHECK (kind IN ('departement', 'epci', 'commune'))"
    )
    this.schema.raw(
      "ALTER TABLE collectivities ADD CONSTRAINT collectivities_status_check CHECK (status IN ('listed', 'onboarded'))"
    )
    this.schema.raw(
      'CREATE INDEX collectivities_search_trgm ON collectivities USING gin (search_name gin_trgm_ops)'
    )
    this.schema.raw(
      'CREATE INDEX collectivities_postal_codes ON collectivities USING gin (postal_codes)'
    )
    // Name prefixes ("auch%") from a btree, whatever the query's length.
    this.schema.raw(
      'CREATE INDEX collectivities_search_prefix ON collectivities (search_name text_pattern_ops)'
    )

    // An EPCI may straddle départements: every département it touches, the main one included.
    this.schema.createTable('epci_departements', (table) => {
      table
        .integer('epci_id')
        .notNullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
      table
        .integer('departement_id')
        .notNullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
      table.primary(['epci_id', 'departement_id'])
    })

    // Communes déléguées and associées: not authorities, but their names and postal codes lead to
    // the commune nouvelle they belong to.
    this.schema.createTable('collectivity_aliases', (table) => {
      table.increments('id')
      table
        .integer('collectivity_id')
        .notNullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
      table.string('kind', 32).notNullable()
      table.string('code', 16).notNullable()
      table.string('name', 255).notNullable()
      table.string('search_name', 255).notNullable()
      table.specificType('postal_codes', 'text[]').notNullable().defaultTo('{}')
      table.unique(['kind', 'code'])
      table.index(['collectivity_id'])
    })
    this.schema.raw(
      'CREATE INDEX collectivity_aliases_search_trgm ON collectivity_aliases USING gin (search_name gin_trgm_ops)'
    )
    this.schema.raw(
      'CREATE INDEX collectivity_aliases_postal_codes ON collectivity_aliases USING gin (postal_codes)'
    )
  }

  async down() {
    this.schema.dropTable('collectivity_aliases')
    this.schema.dropTable('epci_departements')
    this.schema.dropTable('collectivities')
  }
}
