import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Back-office sessions can be revoked (issue 7): every session remembers the agent's
 * `session_generation` at login; logout, a password reset or a role removal bumps it, which
 * ends every open session of that agent at once, whatever the session store.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('agents', (table) => {
      table.integer('session_generation').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable('agents', (table) => {
      table.dropColumn('session_generation')
    })
  }
}
