import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Citizens: the accounts of the mobile apps (JSON API, access tokens). Their API tokens and the
 * one-time tokens mailed to them (e-mail verification, password reset) live beside them.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('citizens', (table) => {
      table.increments('id')
      // Stored lower-cased; the unique index on lower(email) also guards rows written elsewhere.
      table.string('email', 254).notNullable()
      table.string('display_name', 80).notNullable()
      table.string('password').notNullable()
      table.timestamp('email_verified_at', { useTz: true }).nullable()
      table
        .integer('home_commune_id')
        .nullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.index(['home_commune_id'])
    })
    this.schema.raw('CREATE UNIQUE INDEX citizens_email_lower_unique ON citizens (lower(email))')

    // The framework's DbAccessTokensProvider layout (Authorization: Bearer …).
    this.schema.createTable('citizen_access_tokens', (table) => {
      table.increments('id')
      table
        .integer('tokenable_id')
        .notNullable()
        .references('id')
        .inTable('citizens')
        .onDelete('CASCADE')
      table.string('type').notNullable()
      table.string('name').nullable()
      table.string('hash').notNullable()
      table.text('abilities').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.timestamp('last_used_at', { useTz: true }).nullable()
      table.timestamp('expires_at', { useTz: true }).nullable()
      table.index(['tokenable_id'])
    })

    // Single-use secrets mailed to a citizen; only their SHA-256 is stored.
    this.schema.createTable('citizen_one_time_tokens', (table) => {
      table.increments('id')
      table
        .integer('citizen_id')
        .notNullable()
        .references('id')
        .inTable('citizens')
        .onDelete('CASCADE')
      table.string('purpose', 32).notNullable()
      table.string('token_hash', 64).notNullable().unique()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['citizen_id', 'purpose'])
    })
    this.schema.raw(
      "ALTER TABLE citizen_one_time_tokens ADD CONSTRAINT citizen_one_time_tokens_purpose_check CHECK (purpose IN ('verify_email', 'reset_password'))"
    )
  }

  async down() {
    this.schema.dropTable('citizen_one_time_tokens')
    this.schema.dropTable('citizen_access_tokens')
    this.schema.dropTable('citizens')
  }
}
