import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type BudgetCampaign from '#participation/models/budget_campaign'
import BudgetDistrict from '#participation/models/budget_district'
import BudgetProject from '#participation/models/budget_project'
import { allocate, type AllocationRule } from '#participation/support/allocation/index'
import { ballotsDigest } from '#participation/support/allocation/digest'
import type { BudgetResults, DistrictResults } from '#participation/support/budget_results'

/**
 * Results computed from the stored submitted ballots (online, paper and imported alike): per
 * district with its own budget, or for the whole campaign. Used live, by the close (which
 * publishes them) and by the recount (which checks the published ones).
 */
export default class ComputeBudgetResults {
  async handle(
    campaign: BudgetCampaign,
    rule: AllocationRule = campaign.allocationRule,
    trx?: TransactionClientContract
  ): Promise<BudgetResults> {
    const client = trx ?? db.connection()
    const districts = await BudgetDistrict.query({ client })
      .where('campaignId', campaign.id)
      .orderBy('id')
    const projects = await BudgetProject.query({ client })
      .where('campaignId', campaign.id)
      .where('status', 'feasible')
      .orderBy('id')
    const rows: Array<{ district_id: number | null; project_ids: number[] }> = await client
      .from('participation_budget_ballots')
      .where('campaign_id', campaign.id)
      .whereNotNull('submitted_at')
      .select('district_id', 'project_ids')
    const publicIds = new Map(projects.map((project) => [project.id, project.publicId]))
    const toPublic = (ids: number[]) =>
      ids.map((id) => publicIds.get(id)).filter((id) => id !== undefined)
    const scopes: Array<{ id: number | null; name: string | null; budget: number }> =
      districts.length
        ? districts.map((district) => ({
            id: district.id,
            name: district.name,
            budget: district.budget,
          }))
        : [{ id: null, name: null, budget: campaign.totalAmount }]
    const results: DistrictResults[] = scopes.map((scope) => {
      const own = projects.filter((project) => !districts.length || project.districtId === scope.id)
      const ballots = rows
        .filter((row) => !districts.length || row.district_id === scope.id)
        .map((row) => toPublic(row.project_ids))
      const outcome = allocate(
        {
          budget: scope.budget,
          projects: own.map((p) => ({ id: p.publicId, cost: p.cost })),
          ballots,
        },
        rule
      )
      const byPublicId = new Map(own.map((project) => [project.publicId, project]))
      return {
        ...outcome,
        district_id: scope.id,
        district_name: scope.name,
        ballots: ballots.length,
        ballots_digest: ballotsDigest(ballots),
        projects: outcome.projects.map((entry) => ({
          ...entry,
          project_id: byPublicId.get(entry.id)!.id,
          title: byPublicId.get(entry.id)!.title,
        })),
      }
    })
    return {
      rule,
      ballots: rows.length,
      ballots_digest: ballotsDigest(rows.map((row) => toPublic(row.project_ids))),
      winners: results.flatMap((result) => result.winners),
      spent: results.reduce((sum, result) => sum + result.spent, 0),
      budget: results.reduce((sum, result) => sum + result.budget, 0),
      districts: results,
    }
  }
}
