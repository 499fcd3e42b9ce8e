import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What agents did: who, for which authority, what, on which row, before and after. Rows are
 * only ever inserted; deleting an agent or an authority keeps its history (ids set to null).
 */
export default class extends BaseSchema {
  protected tableName = 'audit_logs'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.bigIncrements('id')
      table.integer('agent_id').nullable().references('id').inTable('agents').onDelete('SET NULL')
      table
        .integer('collectivity_id')
        .nullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('SET NULL')
      table.string('action', 64).notNullable()
      table.string('subject_type', 64).nullable()
      table.string('subject_id', 64).nullable()
      table.jsonb('before').nullable()
      table.jsonb('after').nullable()
      table.string('ip', 64).nullable()
      table.timestamp('at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['collectivity_id', 'at'])
      table.index(['agent_id', 'at'])
      table.index(['action'])
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
