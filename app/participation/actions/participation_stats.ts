import db from '@adonisjs/lucid/services/db'
import type { StatFigure } from '#kernel/modules/manifest'

/** Dashboard figures of an authority: polls and consultations open now, and who took part. */
export default class ParticipationStats {
  async handle(collectivityId: number, now: Date = new Date()): Promise<StatFigure[]> {
    // The clock is passed in: now() in SQL is the transaction's start, not this moment.
    const open = `collectivity_id = :id AND status = 'published' AND opens_at <= :now AND closes_at > :now`
    const { rows } = await db.rawQuery(
      `SELECT
        (SELECT count(*) FROM participation_polls WHERE ${open}) AS polls,
        (SELECT count(*) FROM participation_consultations WHERE ${open}) AS consultations,
        (SELECT count(*) FROM participation_poll_answers a JOIN participation_polls p ON p.id = a.poll_id
          WHERE p.collectivity_id = :id)
         + (SELECT count(*) FROM participation_consultation_submissions s
              JOIN participation_consultations k ON k.id = s.consultation_id WHERE k.collectivity_id = :id) AS answers`,
      { id: collectivityId, now }
    )
    const row = rows[0]
    return [
      { label: 'Sondages ouverts', value: Number(row.polls) },
      { label: 'Consultations ouvertes', value: Number(row.consultations) },
      { label: 'Réponses reçues', value: Number(row.answers) },
    ]
  }
}
