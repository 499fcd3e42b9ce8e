import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/**
 * A citizen's participation data for the GDPR export: every poll answer (with the labels of the
 * chosen options) and every consultation submission (question by question).
 */
export class ExportParticipation {
  async handle(citizenId: number) {
    const { rows: polls } = await db.rawQuery(
      `SELECT p.id AS poll_id, p.title, a.created_at, a.updated_at,
              coalesce(array_agg(o.label ORDER BY o.position) FILTER (WHERE o.id IS NOT NULL), '{}') AS options
         FROM participation_poll_answers a
         JOIN participation_polls p ON p.id = a.poll_id
         LEFT JOIN participation_poll_choices c ON c.answer_id = a.id
         LEFT JOIN participation_poll_options o ON o.id = c.option_id
        WHERE a.citizen_id = ? GROUP BY a.id, p.id ORDER BY a.id`,
      [citizenId]
    )
    const { rows: consultations } = await db.rawQuery(
      `SELECT k.id AS consultation_id, k.title, s.created_at, s.updated_at,
              coalesce(json_agg(json_build_object('question', q.label, 'choice_ids', a.choice_ids,
                'value', a.scale_value, 'text', a.text_value) ORDER BY q.position)
                FILTER (WHERE a.id IS NOT NULL), '[]') AS answers
         FROM participation_consultation_submissions s
         JOIN participation_consultations k ON k.id = s.consultation_id
         LEFT JOIN participation_consultation_answers a ON a.submission_id = s.id
         LEFT JOIN participation_consultation_questions q ON q.id = a.question_id
        WHERE s.citizen_id = ? GROUP BY s.id, k.id ORDER BY s.id`,
      [citizenId]
    )
    const { rows: budgetBallots } = await db.rawQuery(
      `SELECT g.id AS campaign_id, g.title, b.project_ids, b.declared_age, b.submitted_at, b.created_at, b.updated_at
         FROM participation_budget_ballots b
         JOIN participation_budget_campaigns g ON g.id = b.campaign_id
        WHERE b.citizen_id = ? ORDER BY b.id`,
      [citizenId]
    )
    const { rows: budgetProposals } = await db.rawQuery(
      `SELECT id, campaign_id, title, description, estimated_cost, place, status, created_at
         FROM participation_budget_projects WHERE author_citizen_id = ? ORDER BY id`,
      [citizenId]
    )
    return {
      polls,
      consultations,
      budget_ballots: budgetBallots,
      budget_proposals: budgetProposals,
    }
  }
}

/**
 * When an account goes, its answers stay counted (published results must not change after the
 * fact) but are detached from the person: `citizen_id` becomes null, inside the deletion's
 * transaction.
 */
export class DetachParticipation {
  async handle(citizenId: number, trx: TransactionClientContract) {
    for (const table of [
      'participation_poll_answers',
      'participation_consultation_submissions',
      'participation_budget_ballots',
    ]) {
      await trx.from(table).where('citizen_id', citizenId).update({ citizen_id: null })
    }
    await trx
      .from('participation_budget_projects')
      .where('author_citizen_id', citizenId)
      .update({ author_citizen_id: null })
  }
}
