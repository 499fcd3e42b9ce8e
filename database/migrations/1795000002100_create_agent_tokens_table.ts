import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One-time tokens mailed to agents: invitations and password resets. Only a SHA-256 hash of
 * the token is stored, so a leaked table grants nothing.
 */
export default class extends BaseSchema {
  protected tableName = 'agent_tokens'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.integer('agent_id').notNullable().references('id').inTable('agents').onDelete('CASCADE')
      table.string('kind', 16).notNullable()
      table.string('token_hash', 64).notNullable().unique()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.index(['agent_id', 'kind'])
    })
    this.schema.raw(
      "ALTER TABLE agent_tokens ADD CONSTRAINT agent_tokens_kind_check CHECK (kind IN ('invitation', 'password_reset'))"
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
