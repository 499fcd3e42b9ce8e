import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import BudgetCampaign from '#participation/models/budget_campaign'
import ComputeBudgetResults from '#participation/actions/budgets/compute_budget_results'
import { syncBudgetFeed } from '#participation/actions/budgets/save_budget_campaign'

/**
 * Closes a campaign's vote (at its closing date, by the job, or earlier by an agent): records
 * the results and the SHA-256 digest of the anonymised ballots, once. Safe to run twice.
 */
export default class CloseBudgetVote {
  async handle(
    campaignId: number,
    now: DateTime = DateTime.now(),
    outer?: TransactionClientContract
  ): Promise<BudgetCampaign> {
    if (!outer) return db.transaction((trx) => this.handle(campaignId, now, trx))
    const trx = outer
    {
      const campaign = await BudgetCampaign.query({ client: trx })
        .where('id', campaignId)
        .forUpdate()
        .firstOrFail()
      if (campaign.closedAt) return campaign
      if (campaign.voteClosesAt > now) {
        campaign.voteClosesAt = now
        if (campaign.voteOpensAt >= now) campaign.voteOpensAt = now.minus({ seconds: 1 })
      }
      const results = await new ComputeBudgetResults().handle(
        campaign,
        campaign.allocationRule,
        trx
      )
      campaign.merge({ closedAt: now, results, ballotsDigest: results.ballots_digest })
      await campaign.useTransaction(trx).save()
      await syncBudgetFeed(campaign, trx)
      return campaign
    }
  }
}
