import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * An agent's role inside one authority. One row per agent and authority; the super-admin
 * (agents.is_super_admin) needs none.
 */
export default class extends BaseSchema {
  protected tableName = 'memberships'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.integer('agent_id').notNullable().references('id').inTable('agents').onDelete('CASCADE')
      table
        .integer('collectivity_id')
        .notNullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
      table.string('role', 16).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique(['agent_id', 'collectivity_id'])
      table.index(['collectivity_id'])
    })
    this.schema.raw(
      "ALTER TABLE memberships ADD CONSTRAINT memberships_role_check CHECK (role IN ('admin', 'editor', 'moderator'))"
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
