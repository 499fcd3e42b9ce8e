import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Tenant from '#kernel/tenancy/tenant'
import Report from '#signalement/models/report'

/**
 * The current authority's report, locked for the transaction (two agents acting at once apply
 * one after the other). The lock takes the row by id; the tenancy scope then decides whether it
 * exists for this agent (404 otherwise).
 */
export async function lockedReport(tenant: Tenant, id: number, trx: TransactionClientContract) {
  await trx.rawQuery('SELECT 1 FROM signalement_reports WHERE id = ? FOR UPDATE', [Number(id) || 0])
  const report = await Report.findOwnedOrFail(tenant, id, trx)
  report.useTransaction(trx)
  return report
}
