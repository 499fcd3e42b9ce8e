import { DateTime } from 'luxon'
import type { Audience } from '#info/actions/resolve_audience'
import { paginateByCursor, type PageRequest } from '#kernel/http/pagination'
import { NotFoundError } from '#kernel/http/errors'
import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetDistrict from '#participation/models/budget_district'
import BudgetProject from '#participation/models/budget_project'
import { projectPhotos } from '#participation/support/project_photos'
import { budgetCampaignJson, budgetProjectJson } from '#participation/transformers/budgets'

function visible(audience: Audience, now: DateTime) {
  audience.requireFeature('budgets')
  return BudgetCampaign.visibleFrom(audience)
    .where('status', 'published')
    .where('proposals_opens_at', '<=', now.toJSDate())
}

/** The participatory budgets a commune sees (its own, its EPCI's, its département's). */
export default class ListBudgetCampaigns {
  async handle(
    audience: Audience,
    page: PageRequest,
    state?: 'open' | 'closed',
    now = DateTime.now()
  ) {
    const query = visible(audience, now)
    if (state === 'open') query.where('vote_closes_at', '>', now.toJSDate()).whereNull('closed_at')
    if (state === 'closed')
      query.where((q) =>
        q.where('vote_closes_at', '<=', now.toJSDate()).orWhereNotNull('closed_at')
      )
    const result = await paginateByCursor(query, page, {
      listing: 'participation.budgets',
      column: 'vote_opens_at',
      kind: 'timestamp',
      direction: 'desc',
    })
    return result.toJSON((campaign: BudgetCampaign) => budgetCampaignJson(campaign, audience, now))
  }
}

/** One campaign with its districts and its projects open to the vote (or proposed, before). */
export class ShowBudgetCampaign {
  async handle(audience: Audience, id: number, now = DateTime.now()) {
    const campaign = await visible(audience, now)
      .where('participation_budget_campaigns.id', id)
      .first()
    if (!campaign) throw new NotFoundError('Budget participatif introuvable')
    const districts = await BudgetDistrict.query().where('campaignId', campaign.id).orderBy('id')
    const projects = await BudgetProject.query()
      .where('campaignId', campaign.id)
      .whereIn('status', ['submitted', 'feasible', 'unfeasible'])
      .orderBy('id')
    const photos = await projectPhotos(projects.map((project) => project.id))
    return {
      data: {
        ...budgetCampaignJson(campaign, audience, now),
        districts: districts.map((d) => ({ id: d.id, name: d.name, budget: d.budget })),
        projects: projects.map((project) => budgetProjectJson(project, photos.get(project.id))),
      },
    }
  }
}

/** The published results (at the close), with the digest of the ballots they come from. */
export class ShowBudgetResults {
  async handle(audience: Audience, id: number, now = DateTime.now()) {
    const campaign = await visible(audience, now)
      .where('participation_budget_campaigns.id', id)
      .first()
    if (!campaign) throw new NotFoundError('Budget participatif introuvable')
    if (!campaign.results)
      throw new NotFoundError(
        'Les résultats seront publiés à la clôture du vote',
        'E_RESULTS_NOT_PUBLISHED'
      )
    return { data: { ...campaign.results, closed_at: campaign.closedAt!.toISO() } }
  }
}
