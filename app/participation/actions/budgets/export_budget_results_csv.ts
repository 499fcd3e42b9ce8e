import type Tenant from '#kernel/tenancy/tenant'
import BudgetCampaign from '#participation/models/budget_campaign'
import ComputeBudgetResults from '#participation/actions/budgets/compute_budget_results'
import { toCsv } from '#kernel/http/csv'
import { slugOf } from '#participation/support/slug'

const REASONS: Record<string, string> = {
  funded: 'financé',
  does_not_fit: 'ne tient plus dans le budget restant',
  no_votes: 'aucune voix',
  supporters_short: 'ses soutiens n’avaient plus assez',
  no_cost: 'coût nul',
}

/** The results per project (published ones after the close, live before), for spreadsheets. */
export default class ExportBudgetResultsCsv {
  async handle(tenant: Tenant, campaignId: number) {
    const campaign = await BudgetCampaign.findOwnedOrFail(tenant, campaignId)
    const results = campaign.results ?? (await new ComputeBudgetResults().handle(campaign))
    const rows = results.districts.flatMap((district) =>
      district.projects.map((p) => [
        district.district_name ?? '',
        p.id,
        p.title,
        p.votes,
        p.cost,
        p.funded,
        REASONS[p.reason],
        p.effective_votes,
        p.supporters_money,
        p.greedy_funded,
      ])
    )
    const content = toCsv(
      [
        'Quartier',
        'Projet',
        'Titre',
        'Voix',
        'Coût (€)',
        'Financé',
        'Motif',
        'Votes effectifs',
        'Argent des soutiens (€)',
        'Financé par la règle gloutonne',
      ],
      rows
    )
    return { filename: `budget-${slugOf(campaign.title)}-resultats.csv`, content }
  }
}
