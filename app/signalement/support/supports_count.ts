import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** A report's « me too » count as stored, after a merge or its undo moved supports. */
export async function countSupports(trx: TransactionClientContract, reportId: number) {
  const { rows } = await trx.rawQuery(
    'SELECT count(*)::int AS n FROM signalement_supports WHERE report_id = ?',
    [reportId]
  )
  return rows[0].n as number
}
