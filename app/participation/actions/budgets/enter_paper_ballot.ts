import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { DomainError } from '#kernel/http/errors'
import type Tenant from '#kernel/tenancy/tenant'
import BudgetBallot from '#participation/models/budget_ballot'
import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetDistrict from '#participation/models/budget_district'
import {
  ballotScope,
  assertAge,
  newVoterRef,
} from '#participation/actions/budgets/save_budget_ballot'
import { assertBallotFollowsRules } from '#participation/support/ballot_rules'
import { assertOpen } from '#participation/support/window'

/**
 * A paper ballot typed in by an agent of the campaign's authority during the vote: it follows
 * the same rules, counts the same, and records that it is paper and who entered it.
 */
export default class EnterPaperBallot {
  async handle(
    tenant: Tenant,
    agentId: number,
    campaignId: number,
    input: { projectIds: number[]; districtId?: number | null; declaredAge?: number | null },
    now = DateTime.now()
  ) {
    return db.transaction(async (trx) => {
      const campaign = await BudgetCampaign.findOwnedOrFail(tenant, campaignId, trx)
      assertOpen(
        { opensAt: campaign.voteOpensAt, closesAt: campaign.closedAt ?? campaign.voteClosesAt },
        now
      )
      assertAge(campaign, input.declaredAge)
      const districts = await BudgetDistrict.query({ client: trx }).where('campaignId', campaign.id)
      const district = districts.find((d) => d.id === input.districtId) ?? null
      if (districts.length && !district)
        throw new DomainError(
          'E_DISTRICT_REQUIRED',
          'Choisissez le quartier du bulletin',
          422,
          'districtId'
        )
      const scope = await ballotScope(campaign, district, trx)
      assertBallotFollowsRules(campaign, scope.budget, scope.costs, input.projectIds, true)
      return BudgetBallot.create(
        {
          collectivityId: campaign.collectivityId,
          campaignId: campaign.id,
          districtId: district?.id ?? null,
          voterRef: newVoterRef(),
          kind: 'paper',
          enteredByAgentId: agentId,
          declaredAge: input.declaredAge ?? null,
          projectIds: input.projectIds,
          submittedAt: now,
        },
        { client: trx }
      )
    })
  }
}
