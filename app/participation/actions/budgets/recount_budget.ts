import BudgetCampaign from '#participation/models/budget_campaign'
import ComputeBudgetResults from '#participation/actions/budgets/compute_budget_results'
import type { AllocationRule } from '#participation/support/allocation/index'
import type { BudgetResults } from '#participation/support/budget_results'

export interface Recount {
  results: BudgetResults
  /** What was published at the close (null while the vote is not closed). */
  published: BudgetResults | null
  /** Whether the recount gives the published winners, votes, spending and ballots digest. */
  matches: boolean | null
}

function fingerprint(results: BudgetResults): string {
  return JSON.stringify({
    digest: results.ballots_digest,
    ballots: results.ballots,
    winners: results.winners,
    spent: results.spent,
    votes: results.districts.map((d) => d.projects.map((p) => [p.id, p.votes, p.funded])),
  })
}

/** Recomputes the results from the stored ballots and compares them with the published ones. */
export default class RecountBudget {
  async handle(campaignId: number, rule?: AllocationRule): Promise<Recount> {
    const campaign = await BudgetCampaign.findOrFail(campaignId)
    const results = await new ComputeBudgetResults().handle(
      campaign,
      rule ?? campaign.allocationRule
    )
    const published = campaign.results
    const comparable = published && published.rule === results.rule
    return {
      results,
      published,
      matches: comparable ? fingerprint(published) === fingerprint(results) : null,
    }
  }
}
