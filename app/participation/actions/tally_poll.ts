import db from '@adonisjs/lucid/services/db'

export interface PollTally {
  totalAnswers: number
  options: { id: number; label: string; count: number; percentage: number }[]
}

/** One decimal, of the answers (a multiple choice's percentages may add up past 100). */
export function percentageOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count * 1000) / total) / 10
}

/** Counts per option and of answers, computed from the stored answers. */
export default class TallyPoll {
  async handle(pollId: number): Promise<PollTally> {
    const { rows: options } = await db.rawQuery(
      `SELECT o.id, o.label, count(c.answer_id)::int AS count
           FROM participation_poll_options o
           LEFT JOIN participation_poll_choices c ON c.option_id = o.id
          WHERE o.poll_id = ?
          GROUP BY o.id ORDER BY o.position`,
      [pollId]
    )
    const { rows: totals } = await db.rawQuery(
      'SELECT count(*)::int AS total FROM participation_poll_answers WHERE poll_id = ?',
      [pollId]
    )
    const totalAnswers = totals[0].total as number
    return {
      totalAnswers,
      options: options.map((row: { id: number; label: string; count: number }) => ({
        ...row,
        percentage: percentageOf(row.count, totalAnswers),
      })),
    }
  }
}
