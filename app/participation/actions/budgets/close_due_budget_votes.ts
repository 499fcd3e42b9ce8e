import { DateTime } from 'luxon'
import BudgetCampaign from '#participation/models/budget_campaign'
import CloseBudgetVote from '#participation/actions/budgets/close_budget_vote'

/** Closes every published campaign whose vote closing date has passed; returns their ids. */
export default class CloseDueBudgetVotes {
  async handle(now = DateTime.now()): Promise<{ closed: number[] }> {
    const due = await BudgetCampaign.query()
      .where('status', 'published')
      .whereNull('closedAt')
      .where('voteClosesAt', '<=', now.toJSDate())
      .select('id')
    for (const campaign of due) await new CloseBudgetVote().handle(campaign.id, now)
    return { closed: due.map((campaign) => campaign.id) }
  }
}
