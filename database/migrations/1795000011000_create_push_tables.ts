import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Web Push (kernel): a browser's push subscription (endpoint and keys, optionally a citizen),
 * the communes it follows, the messages to send and which subscription each reached, so that a
 * retried delivery job sends only to those not yet reached.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('push_subscriptions', (table) => {
      table.increments('id')
      table.text('endpoint').notNullable().unique()
      table.string('p256dh', 200).notNullable()
      table.string('auth', 100).notNullable()
      table
        .integer('citizen_id')
        .nullable()
        .references('id')
        .inTable('citizens')
        .onDelete('CASCADE')
        .index()
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    })
    this.schema.createTable('push_subscription_collectivities', (table) => {
      table
        .integer('subscription_id')
        .notNullable()
        .references('id')
        .inTable('push_subscriptions')
        .onDelete('CASCADE')
      table
        .integer('collectivity_id')
        .notNullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
      table.primary(['collectivity_id', 'subscription_id'])
    })
    this.schema.createTable('push_messages', (table) => {
      table.bigIncrements('id')
      table.jsonb('payload').notNullable()
      // The audience: the followers of an authority (and of the communes under it), or one citizen.
      table
        .integer('collectivity_id')
        .nullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
      table
        .integer('citizen_id')
        .nullable()
        .references('id')
        .inTable('citizens')
        .onDelete('CASCADE')
      table.integer('ttl_seconds').notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable()
    })
    this.schema.createTable('push_deliveries', (table) => {
      table
        .bigInteger('message_id')
        .notNullable()
        .references('id')
        .inTable('push_messages')
        .onDelete('CASCADE')
      table.integer('subscription_id').notNullable()
      table.timestamp('delivered_at', { useTz: true }).notNullable()
      table.primary(['message_id', 'subscription_id'])
    })
  }

  async down() {
    this.schema.dropTable('push_deliveries')
    this.schema.dropTable('push_messages')
    this.schema.dropTable('push_subscription_collectivities')
    this.schema.dropTable('push_subscriptions')
  }
}
