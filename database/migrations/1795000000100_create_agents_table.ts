import { BaseSchema } from '@adonisjs/lucid/schema'

/** Back-office users: the agents of the authorities. */
export default class extends BaseSchema {
  protected tableName = 'agents'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table.string('email', 254).notNullable().unique()
      table.string('full_name', 255).nullable()
      // Null until the agent accepts the invitation and chooses a password.
      table.string('password').nullable()
      table.boolean('is_super_admin').notNullable().defaultTo(false)
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
