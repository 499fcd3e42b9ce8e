import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetBallot from '#participation/models/budget_ballot'
import BudgetDistrict from '#participation/models/budget_district'
import BudgetProject from '#participation/models/budget_project'
import Collectivity from '#kernel/territories/models/collectivity'
import { DomainError } from '#kernel/http/errors'
import ComputeBudgetResults from '#participation/actions/budgets/compute_budget_results'
import { compareIds } from '#participation/support/allocation/instance'
import { writePabulib } from '#participation/support/pabulib/write'

const pabulibDate = (date: { toFormat(format: string): string }) => date.toFormat('dd.MM.yyyy')

/**
 * Writes a campaign (or one of its districts) as a Pabulib file: META, PROJECTS with their
 * cost, votes and `selected` (the published results, else the live ones), VOTES with the
 * anonymous per-campaign voter reference and the age only when the voter declared it. The
 * `ballots_sha256` key is the digest recorded at the close, recomputable from VOTES.
 */
export default class ExportPabulib {
  async handle(campaignId: number, districtId?: number): Promise<string> {
    const campaign = await BudgetCampaign.findOrFail(campaignId)
    const districts = await BudgetDistrict.query().where('campaignId', campaign.id).orderBy('id')
    const district = districtId === undefined ? null : districts.find((d) => d.id === districtId)
    if (districts.length && !district) {
      throw new DomainError(
        'E_DISTRICT_REQUIRED',
        `Campagne en quartiers : choisissez-en un (${districts.map((d) => `${d.id} ${d.name}`).join(', ')})`
      )
    }
    const results = campaign.results ?? (await new ComputeBudgetResults().handle(campaign))
    const scope = results.districts.find((d) => d.district_id === (district?.id ?? null))!
    const projectsQuery = BudgetProject.query()
      .where('campaignId', campaign.id)
      .where('status', 'feasible')
    if (district) projectsQuery.where('districtId', district.id)
    const projects = await projectsQuery.orderBy('id')
    const publicIds = new Map(projects.map((project) => [project.id, project.publicId]))
    const ballotsQuery = BudgetBallot.query()
      .where('campaignId', campaign.id)
      .whereNotNull('submittedAt')
    if (district) ballotsQuery.where('districtId', district.id)
    const ballots = await ballotsQuery.orderBy('voterRef')
    const owner = await Collectivity.findOrFail(campaign.collectivityId)
    const outcome = new Map(scope.projects.map((p) => [p.id, p]))
    const budget = district?.budget ?? campaign.totalAmount
    const meta: Array<[string, string | number]> = [
      ['description', campaign.title],
      ['country', 'France'],
      ['unit', owner.name],
      ...(district ? ([['subunit', district.name]] as Array<[string, string]>) : []),
      ['instance', campaign.voteOpensAt.year],
      ['num_projects', projects.length],
      ['num_votes', ballots.length],
      ['budget', budget],
      ['vote_type', 'approval'],
      ['rule', results.rule === 'equal_shares' ? 'equalshares/add1' : 'greedy'],
      ['date_begin', pabulibDate(campaign.voteOpensAt)],
      ['date_end', pabulibDate(campaign.voteClosesAt)],
    ]
    if (campaign.ballotRule === 'approval') {
      if (campaign.minProjects !== null) meta.push(['min_length', campaign.minProjects])
      if (campaign.maxProjects !== null) meta.push(['max_length', campaign.maxProjects])
    } else {
      meta.push(['max_sum_cost', budget])
    }
    meta.push(['language', 'fr'], ['currency', 'EUR'], ['ballots_sha256', scope.ballots_digest])
    return writePabulib({
      meta,
      projects: projects.map((project) => ({
        id: project.publicId,
        cost: project.cost,
        votes: outcome.get(project.publicId)?.votes ?? 0,
        name: project.title,
        selected: outcome.get(project.publicId)?.funded ?? false,
      })),
      votes: ballots.map((ballot) => ({
        voterId: ballot.voterRef,
        projectIds: ballot.projectIds
          .map((id) => publicIds.get(id))
          .filter((id) => id !== undefined)
          .sort(compareIds),
        age: ballot.declaredAge,
      })),
    })
  }
}
