import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { DomainError, NotFoundError } from '#kernel/http/errors'
import type Tenant from '#kernel/tenancy/tenant'
import ReportEvent from '#signalement/models/report_event'
import Report from '#signalement/models/report'
import { countSupports } from '#signalement/support/supports_count'
import { lockedReport } from '#signalement/support/locked_report'
import { notifyReporter } from '#signalement/support/notify_reporter'
import { syncResolvedFeedItem } from '#signalement/actions/transition_report'

export interface MergeInput {
  /** The duplicate, which closes. */
  reportId: number
  /** The report it duplicates, which goes on. */
  intoId: number
  internalNote?: string | null
}

const refuse = (message: string) => new DomainError('E_INVALID_MERGE', message, 422, 'intoId')

/**
 * Closes a report as a duplicate of another of the same authority (ADR 0022): the duplicate
 * is rejected with a link to the original (`merged_into_id`) and leaves the queue and the map;
 * the original gains its photos and video, its supports and its reporter as a supporter; the
 * duplicates it had absorbed follow it. Both histories say so; the duplicate's reporter is told.
 * What it changed is recorded (`signalement_report_merges`) so that UnmergeReport can undo it.
 */
export default class MergeReport {
  async handle(tenant: Tenant, input: MergeInput) {
    if (input.reportId === input.intoId)
      throw refuse('Un signalement ne peut pas être son propre doublon')
    const duplicate = await db.transaction(async (trx) => {
      // The report in the path first: another authority's is a 404, whatever the form says.
      await Report.findOwnedOrFail(tenant, input.reportId, trx)
      // Both rows locked, in id order, so that two merges at once cannot deadlock.
      const [first, second] = [input.reportId, input.intoId].sort((a, b) => a - b)
      const locked = new Map<number, Report>()
      for (const id of [first, second]) {
        const report = await lockedReport(tenant, id, trx).catch((error) => {
          // The original is a form field: another authority's or an unknown number is refused there.
          if (id === input.intoId && error instanceof NotFoundError) {
            throw refuse(`Aucun signalement n° ${id} dans la file de votre collectivité`)
          }
          throw error
        })
        locked.set(id, report)
      }
      const copy = locked.get(input.reportId)!
      const original = locked.get(input.intoId)!
      if (copy.mergedIntoId !== null) throw refuse('Ce signalement est déjà fusionné avec un autre')
      if (original.mergedIntoId !== null) {
        throw refuse(
          `Le signalement n° ${original.id} est lui-même un doublon : choisissez celui qu’il rejoint`
        )
      }

      const addedMediaIds = await this.transferMedia(trx, copy.id, original.id)
      const { count, addedSupporterIds } = await this.transferSupports(trx, copy, original)
      original.supportsCount = count
      await original.save()
      // Duplicates of the duplicate now point at the original.
      const repointed: Array<{ id: number }> = await trx
        .from('signalement_reports')
        .where('merged_into_id', copy.id)
        .update({ merged_into_id: original.id })
        .returning('id')

      // What UnmergeReport needs to put everything back as it was.
      await trx.table('signalement_report_merges').insert({
        duplicate_id: copy.id,
        original_id: original.id,
        previous_status: copy.status,
        previous_resolved_at: copy.resolvedAt?.toJSDate() ?? null,
        previous_overdue: copy.overdue,
        previous_public_message: copy.publicMessage,
        added_media_ids: addedMediaIds,
        added_supporter_ids: addedSupporterIds,
        repointed_report_ids: repointed.map((row) => row.id),
        created_at: new Date(),
      })

      const fromStatus = copy.status
      copy.mergedIntoId = original.id
      copy.status = 'rejected'
      copy.resolvedAt = DateTime.now()
      copy.overdue = false
      copy.publicMessage = `Ce signalement rejoint le n° ${original.id}, qui signale le même problème et suit son cours.`
      await copy.save()
      await syncResolvedFeedItem(copy, trx)

      await ReportEvent.createMany(
        [
          {
            reportId: copy.id,
            kind: 'merged',
            fromStatus,
            toStatus: 'rejected',
            publicMessage: copy.publicMessage,
            internalNote: input.internalNote ?? null,
            agentId: tenant.agent.id,
          },
          {
            reportId: original.id,
            kind: 'merged',
            internalNote: [`Doublon n° ${copy.id} regroupé ici`, input.internalNote]
              .filter(Boolean)
              .join(' : '),
            agentId: tenant.agent.id,
          },
        ],
        { client: trx }
      )
      return copy
    })
    await notifyReporter(
      duplicate,
      `regroupé avec le signalement n° ${input.intoId}`,
      duplicate.publicMessage
    )
    return duplicate
  }

  /**
   * The duplicate's media join the original's, after them, hidden ones staying hidden. Returns
   * the ids it added (not those the original already had).
   */
  private async transferMedia(trx: TransactionClientContract, fromId: number, toId: number) {
    const { rows } = await trx.rawQuery(
      `INSERT INTO signalement_report_media (report_id, media_id, position, hidden_reason, hidden_at)
       SELECT ?, rm.media_id,
              (SELECT COALESCE(MAX(position), -1) FROM signalement_report_media WHERE report_id = ?)
                + row_number() OVER (ORDER BY rm.position),
              rm.hidden_reason, rm.hidden_at
       FROM signalement_report_media rm
       WHERE rm.report_id = ?
       ON CONFLICT (report_id, media_id) DO NOTHING
       RETURNING media_id`,
      [toId, toId, fromId]
    )
    return (rows as Array<{ media_id: number }>).map((row) => row.media_id)
  }

  /**
   * The duplicate's supporters, and its reporter (they met the same problem), support the
   * original, once each; the original's reporter is not their own supporter. Returns the new
   * count and the supporters it added.
   */
  private async transferSupports(trx: TransactionClientContract, copy: Report, original: Report) {
    const added = await trx.rawQuery(
      `INSERT INTO signalement_supports (report_id, citizen_id, created_at)
       SELECT ?, s.citizen_id, s.created_at FROM (
         SELECT citizen_id, created_at FROM signalement_supports WHERE report_id = ?
         UNION ALL
         SELECT citizen_id, created_at FROM signalement_reports WHERE id = ? AND citizen_id IS NOT NULL
       ) s
       WHERE s.citizen_id <> ?
       ON CONFLICT (report_id, citizen_id) DO NOTHING
       RETURNING citizen_id`,
      [original.id, copy.id, copy.id, original.citizenId ?? 0]
    )
    return {
      count: await countSupports(trx, original.id),
      addedSupporterIds: (added.rows as Array<{ citizen_id: number }>).map((row) => row.citizen_id),
    }
  }
}
