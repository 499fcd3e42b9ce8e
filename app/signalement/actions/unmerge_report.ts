import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { ConflictError } from '#kernel/http/errors'
import type Tenant from '#kernel/tenancy/tenant'
import ReportEvent from '#signalement/models/report_event'
import type Report from '#signalement/models/report'
import { lockedReport } from '#signalement/support/locked_report'
import { notifyReporter } from '#signalement/support/notify_reporter'
import { syncResolvedFeedItem } from '#signalement/actions/transition_report'
import { countSupports } from '#signalement/support/supports_count'

interface MergeRecord {
  id: number
  original_id: number
  previous_status: Report['status']
  previous_resolved_at: Date | null
  previous_overdue: boolean
  previous_public_message: string | null
  added_media_ids: number[]
  added_supporter_ids: number[]
  repointed_report_ids: number[]
}

/**
 * Undoes MergeReport, from the record it left: the duplicate gets back its status, closing
 * date, overdue flag and public message; the media and supports the merge added to the
 * original leave it (what the original had before stays); the duplicates it had absorbed point
 * at it again. A photo an agent hid on the original since stays hidden on the duplicate. Both
 * histories say so and the duplicate's reporter is told it is followed on its own again.
 */
export default class UnmergeReport {
  async handle(tenant: Tenant, input: { reportId: number; internalNote?: string | null }) {
    const duplicate = await db.transaction(async (trx) => {
      const copy = await lockedReport(tenant, input.reportId, trx)
      if (copy.mergedIntoId === null) {
        throw new ConflictError('E_NOT_MERGED', 'Ce signalement n’est regroupé avec aucun autre')
      }
      const merge = await this.lastMerge(trx, copy.id)
      if (!merge) {
        throw new ConflictError(
          'E_UNMERGE_UNAVAILABLE',
          `Ce regroupement avec le signalement n° ${copy.mergedIntoId} est antérieur à l’annulation des regroupements : il ne peut pas être défait automatiquement`
        )
      }
      if (merge.original_id !== copy.mergedIntoId) {
        // The original was merged into another since: undo that first, so that each undo
        // takes back exactly what its own merge moved.
        throw new ConflictError(
          'E_UNMERGE_ORDER',
          `Le signalement n° ${merge.original_id} a depuis été regroupé avec le n° ${copy.mergedIntoId} : annulez d’abord ce regroupement-là`
        )
      }
      const original = await lockedReport(tenant, merge.original_id, trx)

      await this.takeBackMedia(trx, merge, copy.id)
      await trx
        .from('signalement_supports')
        .where('report_id', original.id)
        .whereIn('citizen_id', merge.added_supporter_ids)
        .delete()
      original.supportsCount = await countSupports(trx, original.id)
      await original.save()
      await trx
        .from('signalement_reports')
        .whereIn('id', merge.repointed_report_ids)
        .where('merged_into_id', original.id)
        .update({ merged_into_id: copy.id })

      copy.mergedIntoId = null
      copy.status = merge.previous_status
      copy.resolvedAt = merge.previous_resolved_at
        ? DateTime.fromJSDate(merge.previous_resolved_at)
        : null
      copy.overdue = merge.previous_overdue
      copy.publicMessage = merge.previous_public_message
      await copy.save()
      await syncResolvedFeedItem(copy, trx)
      await trx
        .from('signalement_report_merges')
        .where('id', merge.id)
        .update({ undone_at: new Date() })

      await ReportEvent.createMany(
        [
          {
            reportId: copy.id,
            kind: 'unmerged',
            fromStatus: 'rejected',
            toStatus: copy.status,
            internalNote: [`Ne fait plus partie du n° ${original.id}`, input.internalNote]
              .filter(Boolean)
              .join(' : '),
            agentId: tenant.agent.id,
          },
          {
            reportId: original.id,
            kind: 'unmerged',
            internalNote: [`Doublon n° ${copy.id} retiré`, input.internalNote]
              .filter(Boolean)
              .join(' : '),
            agentId: tenant.agent.id,
          },
        ],
        { client: trx }
      )
      return { copy, originalId: original.id }
    })
    await notifyReporter(
      duplicate.copy,
      `n’est plus regroupé avec le signalement n° ${duplicate.originalId}`,
      'Votre signalement est de nouveau suivi pour lui-même.'
    )
    return duplicate.copy
  }

  private async lastMerge(trx: TransactionClientContract, duplicateId: number) {
    const row = await trx
      .from('signalement_report_merges')
      .where('duplicate_id', duplicateId)
      .whereNull('undone_at')
      .orderBy('id', 'desc')
      .first()
    return (row ?? null) as MergeRecord | null
  }

  /** The added media leave the original; a hiding done there since follows them back. */
  private async takeBackMedia(trx: TransactionClientContract, merge: MergeRecord, copyId: number) {
    if (merge.added_media_ids.length === 0) return
    await trx.rawQuery(
      `UPDATE signalement_report_media d
       SET hidden_at = o.hidden_at, hidden_reason = o.hidden_reason
       FROM signalement_report_media o
       WHERE d.report_id = ? AND o.report_id = ? AND o.media_id = d.media_id
         AND o.media_id = ANY(?::int[]) AND o.hidden_at IS NOT NULL AND d.hidden_at IS NULL`,
      [copyId, merge.original_id, merge.added_media_ids]
    )
    await trx
      .from('signalement_report_media')
      .where('report_id', merge.original_id)
      .whereIn('media_id', merge.added_media_ids)
      .delete()
  }
}
