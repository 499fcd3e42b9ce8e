import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Participatory budgets: campaigns (dated phases, ballot rule, allocation rule), optional
 * districts with their own budget, projects (proposed by citizens or imported from Pabulib),
 * and ballots. One ballot per citizen per campaign and one anonymous voter reference per
 * campaign are unique constraints, so racing submissions leave exactly one row.
 */
export default class extends BaseSchema {
  async up() {
    const tenant = (table: any) =>
      table
        .integer('collectivity_id')
        .notNullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
    const timestamps = (table: any) => {
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
    }

    this.schema.createTable('participation_budget_campaigns', (table) => {
      table.increments('id')
      tenant(table)
      table.string('title', 255).notNullable()
      table.text('description').nullable()
      table.string('status', 16).notNullable().defaultTo('draft')
      table.bigInteger('total_amount').notNullable()
      table.string('ballot_rule', 16).notNullable().defaultTo('approval')
      table.integer('min_projects').nullable()
      table.integer('max_projects').nullable()
      table.integer('min_spend_percent').nullable()
      table.string('allocation_rule', 16).notNullable().defaultTo('greedy')
      table.integer('minimum_age').nullable()
      table.jsonb('themes').notNullable().defaultTo('[]')
      table.timestamp('proposals_opens_at', { useTz: true }).notNullable()
      table.timestamp('proposals_closes_at', { useTz: true }).notNullable()
      table.timestamp('vote_opens_at', { useTz: true }).notNullable()
      table.timestamp('vote_closes_at', { useTz: true }).notNullable()
      // Set once by the close: the digest of the anonymised ballots and the published results.
      table.timestamp('closed_at', { useTz: true }).nullable()
      table.string('ballots_digest', 64).nullable()
      table.jsonb('results').nullable()
      table.string('source', 16).notNullable().defaultTo('own')
      table.jsonb('source_meta').nullable()
      timestamps(table)
      table.check('total_amount >= 0')
      table.check("status IN ('draft', 'published')")
      table.check("ballot_rule IN ('approval', 'knapsack')")
      table.check("allocation_rule IN ('greedy', 'equal_shares')")
      table.check("source IN ('own', 'pabulib')")
      table.check('min_projects IS NULL OR min_projects >= 0')
      table.check('max_projects IS NULL OR max_projects >= GREATEST(min_projects, 1)')
      table.check('min_spend_percent IS NULL OR min_spend_percent BETWEEN 0 AND 100')
      table.check(
        'proposals_opens_at <= proposals_closes_at AND proposals_closes_at <= vote_opens_at AND vote_opens_at < vote_closes_at'
      )
      table.index(['collectivity_id', 'vote_opens_at'])
    })

    this.schema.createTable('participation_budget_districts', (table) => {
      table.increments('id')
      table
        .integer('campaign_id')
        .notNullable()
        .references('id')
        .inTable('participation_budget_campaigns')
        .onDelete('CASCADE')
      table.string('name', 120).notNullable()
      table.bigInteger('budget').notNullable()
      // The communes whose residents vote in this district.
      table.specificType('commune_ids', 'integer[]').notNullable().defaultTo('{}')
      table.check('budget >= 0')
      table.unique(['campaign_id', 'name'])
    })

    this.schema.createTable('participation_budget_projects', (table) => {
      table.increments('id')
      tenant(table)
      table
        .integer('campaign_id')
        .notNullable()
        .references('id')
        .inTable('participation_budget_campaigns')
        .onDelete('CASCADE')
      table
        .integer('district_id')
        .nullable()
        .references('id')
        .inTable('participation_budget_districts')
        .onDelete('SET NULL')
      table.string('source_id', 64).nullable()
      table
        .integer('author_citizen_id')
        .nullable()
        .references('id')
        .inTable('citizens')
        .onDelete('SET NULL')
      table.string('title', 255).notNullable()
      table.text('description').nullable()
      table.string('theme', 80).nullable()
      table.string('place', 255).nullable()
      table.bigInteger('estimated_cost').notNullable()
      table.bigInteger('final_cost').nullable()
      table.string('status', 16).notNullable().defaultTo('submitted')
      table.text('review_reason').nullable()
      table
        .integer('merged_into_id')
        .nullable()
        .references('id')
        .inTable('participation_budget_projects')
        .onDelete('SET NULL')
      table.text('hidden_reason').nullable()
      timestamps(table)
      table.check('estimated_cost >= 0 AND (final_cost IS NULL OR final_cost >= 0)')
      table.check("status IN ('submitted', 'feasible', 'unfeasible', 'merged', 'hidden')")
      table.unique(['campaign_id', 'source_id'])
      table.index(['campaign_id', 'status'])
    })

    this.schema.createTable('participation_budget_project_photos', (table) => {
      table
        .integer('project_id')
        .notNullable()
        .references('id')
        .inTable('participation_budget_projects')
        .onDelete('CASCADE')
      table.integer('media_id').notNullable().references('id').inTable('media').onDelete('CASCADE')
      table.integer('position').notNullable().defaultTo(0)
      table.primary(['project_id', 'media_id'])
    })

    this.schema.createTable('participation_budget_ballots', (table) => {
      table.increments('id')
      tenant(table)
      table
        .integer('campaign_id')
        .notNullable()
        .references('id')
        .inTable('participation_budget_campaigns')
        .onDelete('CASCADE')
      table
        .integer('district_id')
        .nullable()
        .references('id')
        .inTable('participation_budget_districts')
        .onDelete('SET NULL')
      table
        .integer('citizen_id')
        .nullable()
        .references('id')
        .inTable('citizens')
        .onDelete('SET NULL')
      // Random per campaign: the only voter identity that leaves the database (Pabulib voter_id).
      table.string('voter_ref', 64).notNullable()
      table.string('kind', 16).notNullable().defaultTo('online')
      table
        .integer('entered_by_agent_id')
        .nullable()
        .references('id')
        .inTable('agents')
        .onDelete('SET NULL')
      table
        .integer('commune_id')
        .nullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('SET NULL')
      // Declared by the voter for the age condition only; exported as Pabulib `age`.
      table.smallint('declared_age').nullable()
      table.specificType('project_ids', 'integer[]').notNullable().defaultTo('{}')
      table.timestamp('submitted_at', { useTz: true }).nullable()
      timestamps(table)
      table.check("kind IN ('online', 'paper', 'imported')")
      table.check("kind = 'online' OR citizen_id IS NULL")
      table.check("kind <> 'paper' OR entered_by_agent_id IS NOT NULL OR submitted_at IS NOT NULL")
      table.unique(['campaign_id', 'citizen_id'])
      table.unique(['campaign_id', 'voter_ref'])
    })
  }

  async down() {
    this.schema.dropTable('participation_budget_ballots')
    this.schema.dropTable('participation_budget_project_photos')
    this.schema.dropTable('participation_budget_projects')
    this.schema.dropTable('participation_budget_districts')
    this.schema.dropTable('participation_budget_campaigns')
  }
}
