import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#kernel/http/errors'
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

/** One media of a locked report, its row locked too; a media of another report is refused. */
export async function lockedReportMedia(
  trx: TransactionClientContract,
  reportId: number,
  mediaId: number
): Promise<{ hidden_at: Date | null; hidden_reason: string | null; kind: 'image' | 'video' }> {
  const attached = await trx
    .from('signalement_report_media as rm')
    .join('media as m', 'm.id', 'rm.media_id')
    .where({ 'rm.report_id': reportId, 'rm.media_id': mediaId })
    .forUpdate('rm')
    .select('rm.hidden_at', 'rm.hidden_reason', 'm.kind')
    .first()
  if (!attached) {
    throw new DomainError(
      'E_MEDIA_NOT_IN_REPORT',
      'Ce média n’appartient pas à ce signalement',
      422,
      'mediaId'
    )
  }
  return attached
}
