import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Polls and consultations. One answer per citizen per item is a unique constraint, so that two
 * submissions racing each other leave exactly one row whatever the application does. A deleted
 * account's answers stay counted, detached from the person (`citizen_id` set to null).
 */
export default class extends BaseSchema {
  async up() {
    const owned = (table: any) => {
      table.increments('id')
      table
        .integer('collectivity_id')
        .notNullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('CASCADE')
      table.string('title', 255).notNullable()
      table.text('description').nullable()
      table.string('status', 16).notNullable().defaultTo('draft')
      table.timestamp('opens_at', { useTz: true }).notNullable()
      table.timestamp('closes_at', { useTz: true }).notNullable()
      table.string('audience', 16).notNullable().defaultTo('residents')
      table.string('results_visibility', 16).notNullable().defaultTo('after_close')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.check('closes_at > opens_at')
      table.check("status IN ('draft', 'published')")
      table.check("audience IN ('residents', 'verified')")
      table.check("results_visibility IN ('live', 'after_close', 'never')")
      table.index(['collectivity_id', 'opens_at'])
    }
    const submittedBy = (table: any, parent: string, parentTable: string) => {
      table.increments('id')
      table.integer(parent).notNullable().references('id').inTable(parentTable).onDelete('CASCADE')
      table
        .integer('citizen_id')
        .nullable()
        .references('id')
        .inTable('citizens')
        .onDelete('SET NULL')
      // The citizen's home commune when they answered: the dashboard counts per commune.
      table
        .integer('commune_id')
        .nullable()
        .references('id')
        .inTable('collectivities')
        .onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable()
      table.timestamp('updated_at', { useTz: true }).notNullable()
      table.unique([parent, 'citizen_id'])
    }

    this.schema.createTable('participation_polls', (table) => {
      owned(table)
      table.string('selection', 16).notNullable().defaultTo('single')
      table.integer('max_choices').notNullable().defaultTo(1)
      table.boolean('allow_change').notNullable().defaultTo(true)
      table.check("selection IN ('single', 'multiple')")
      table.check("max_choices >= 1 AND (selection = 'multiple' OR max_choices = 1)")
    })
    this.schema.createTable('participation_poll_options', (table) => {
      table.increments('id')
      table
        .integer('poll_id')
        .notNullable()
        .references('id')
        .inTable('participation_polls')
        .onDelete('CASCADE')
      table.string('label', 255).notNullable()
      table.integer('position').notNullable()
      table.unique(['poll_id', 'position'])
    })
    this.schema.createTable('participation_poll_answers', (table) => {
      submittedBy(table, 'poll_id', 'participation_polls')
    })
    this.schema.createTable('participation_poll_choices', (table) => {
      table
        .integer('answer_id')
        .notNullable()
        .references('id')
        .inTable('participation_poll_answers')
        .onDelete('CASCADE')
      table
        .integer('option_id')
        .notNullable()
        .references('id')
        .inTable('participation_poll_options')
        .onDelete('CASCADE')
      table.primary(['answer_id', 'option_id'])
      table.index(['option_id'])
    })

    this.schema.createTable('participation_consultations', (table) => {
      owned(table)
    })
    this.schema.createTable('participation_consultation_questions', (table) => {
      table.increments('id')
      table
        .integer('consultation_id')
        .notNullable()
        .references('id')
        .inTable('participation_consultations')
        .onDelete('CASCADE')
      table.integer('position').notNullable()
      table.string('kind', 16).notNullable()
      table.string('label', 500).notNullable()
      table.boolean('required').notNullable().defaultTo(false)
      /** Choice questions: the options, `[{ id, label }]` with ids stable within the question. */
      table.jsonb('choices').notNullable().defaultTo('[]')
      table.integer('max_choices').nullable()
      /** Scale questions: 5 or 10 (from 1). */
      table.integer('scale_max').nullable()
      table.unique(['consultation_id', 'position'])
      table.check("kind IN ('single', 'multiple', 'scale', 'text')")
      table.check("kind <> 'scale' OR scale_max IN (5, 10)")
    })
    this.schema.createTable('participation_consultation_submissions', (table) => {
      submittedBy(table, 'consultation_id', 'participation_consultations')
    })
    this.schema.createTable('participation_consultation_answers', (table) => {
      table.increments('id')
      table
        .integer('submission_id')
        .notNullable()
        .references('id')
        .inTable('participation_consultation_submissions')
        .onDelete('CASCADE')
      table
        .integer('question_id')
        .notNullable()
        .references('id')
        .inTable('participation_consultation_questions')
        .onDelete('CASCADE')
      table.specificType('choice_ids', 'integer[]').nullable()
      table.integer('scale_value').nullable()
      table.text('text_value').nullable()
      table.unique(['submission_id', 'question_id'])
      table.index(['question_id', 'id'])
    })
  }

  async down() {
    for (const table of [
      'participation_consultation_answers',
      'participation_consultation_submissions',
      'participation_consultation_questions',
      'participation_consultations',
      'participation_poll_choices',
      'participation_poll_answers',
      'participation_poll_options',
      'participation_polls',
    ]) {
      this.schema.dropTable(table)
    }
  }
}
