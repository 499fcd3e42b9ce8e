import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { ConflictError } from '#kernel/http/errors'
import BudgetCampaign from '#participation/models/budget_campaign'
import CloseBudgetVote from '#participation/actions/budgets/close_budget_vote'
import { syncBudgetFeed } from '#participation/actions/budgets/save_budget_campaign'

/**
 * Moves a campaign on by hand: a draft is published; a published campaign enters its next
 * phase now (proposals → review → vote → results), later dates pushed to keep their order.
 * Ending the vote is the close: results and ballots digest are recorded.
 */
export default class AdvanceBudgetPhase {
  async handle(collectivityId: number, id: number, now = DateTime.now()) {
    const current = await BudgetCampaign.query().where({ id, collectivityId }).firstOrFail()
    const phase = current.phaseAt(now)
    if (current.status === 'published' && phase === 'results') {
      throw new ConflictError('E_CAMPAIGN_CLOSED', 'Le vote est clos : les résultats sont publiés')
    }
    if (current.status === 'published' && phase === 'vote')
      return new CloseBudgetVote().handle(id, now)
    return db.transaction(async (trx) => {
      const row = await BudgetCampaign.query({ client: trx })
        .where({ id, collectivityId })
        .forUpdate()
        .firstOrFail()
      if (row.status === 'draft') row.status = 'published'
      else {
        if (phase === 'upcoming') row.proposalsOpensAt = now
        if (phase === 'proposals') row.proposalsClosesAt = now
        if (phase === 'review') row.voteOpensAt = now
        if (row.proposalsClosesAt < row.proposalsOpensAt)
          row.proposalsClosesAt = row.proposalsOpensAt
        if (row.voteOpensAt < row.proposalsClosesAt) row.voteOpensAt = row.proposalsClosesAt
        if (row.voteClosesAt <= row.voteOpensAt)
          row.voteClosesAt = row.voteOpensAt.plus({ days: 7 })
      }
      await row.useTransaction(trx).save()
      await syncBudgetFeed(row, trx)
      return row
    })
  }
}
