import { randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Citizen from '#kernel/accounts/models/citizen'
import { DomainError, ForbiddenError, NotFoundError } from '#kernel/http/errors'
import BudgetBallot from '#participation/models/budget_ballot'
import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetDistrict from '#participation/models/budget_district'
import BudgetProject from '#participation/models/budget_project'
import { assertBallotFollowsRules } from '#participation/support/ballot_rules'
import { assertEligible } from '#participation/support/eligibility'
import { assertOpen } from '#participation/support/window'

export interface BallotInput {
  /** The chosen projects; absent, the stored draft's (submitting it as it stands). */
  projectIds?: number[]
  declaredAge?: number | null
  /** Submit now (it then counts), or keep as a draft. */
  submit?: boolean
}

/** A fresh anonymous voter reference: the only voter identity a Pabulib export carries. */
export const newVoterRef = () => randomBytes(9).toString('base64url')

/** The projects a voter of `district` may choose, with their cost, and the budget they share. */
export async function ballotScope(
  campaign: BudgetCampaign,
  district: BudgetDistrict | null,
  trx: TransactionClientContract
) {
  const query = BudgetProject.query({ client: trx })
    .where('campaignId', campaign.id)
    .where('status', 'feasible')
  if (district) query.where('districtId', district.id)
  const projects = await query.select('id', 'estimatedCost', 'finalCost')
  return {
    costs: new Map(projects.map((project) => [project.id, project.cost])),
    budget: district?.budget ?? campaign.totalAmount,
  }
}

/** The district a commune votes in, or a 403 saying that it has none. */
export async function districtOf(
  campaign: BudgetCampaign,
  communeId: number | null,
  trx: TransactionClientContract
) {
  const districts = await BudgetDistrict.query({ client: trx }).where('campaignId', campaign.id)
  if (districts.length === 0) return null
  const district = districts.find((d) => communeId !== null && d.communeIds.includes(communeId))
  if (!district)
    throw new ForbiddenError(
      'Votre commune de résidence ne fait partie d’aucun quartier de ce budget participatif',
      'E_NO_DISTRICT'
    )
  return district
}

export function assertAge(campaign: BudgetCampaign, declaredAge: number | null | undefined) {
  if (campaign.minimumAge === null) return
  if (declaredAge === null || declaredAge === undefined) {
    throw new DomainError(
      'E_AGE_REQUIRED',
      `Indiquez votre âge : ce vote est ouvert à partir de ${campaign.minimumAge} ans (il ne sert qu’à cette condition)`,
      422,
      'declared_age'
    )
  }
  if (declaredAge < campaign.minimumAge) {
    throw new ForbiddenError(
      `Ce vote est réservé aux personnes de ${campaign.minimumAge} ans et plus`,
      'E_TOO_YOUNG'
    )
  }
}

/**
 * Saves a citizen's ballot (a draft, or submitted when `submit` is set or it already was):
 * only during the vote, only for an eligible resident (and old enough when the campaign asks),
 * only with projects of their district that follow the ballot rule. One statement
 * (INSERT … ON CONFLICT on the unique citizen-per-campaign key), so racing saves leave one row.
 */
export default class SaveBudgetBallot {
  async handle(citizen: Citizen, campaignId: number, input: BallotInput, now = DateTime.now()) {
    return db.transaction(async (trx) => {
      const campaign = await BudgetCampaign.query({ client: trx })
        .where('id', campaignId)
        .where('status', 'published')
        .first()
      if (!campaign) throw new NotFoundError('Budget participatif introuvable')
      assertOpen(
        { opensAt: campaign.voteOpensAt, closesAt: campaign.closedAt ?? campaign.voteClosesAt },
        now
      )
      const commune = await assertEligible(
        citizen,
        { collectivityId: campaign.collectivityId, audience: 'residents' },
        trx
      )
      // The stored ballot only fills in what the input leaves out (its projects when only
      // submitting it; a draft save keeps a submitted ballot submitted; the declared age carries
      // over): the usual save, projects given and submitted, never reads it.
      const needsStored =
        !input.projectIds ||
        !input.submit ||
        (campaign.minimumAge !== null &&
          (input.declaredAge === null || input.declaredAge === undefined))
      const existing = needsStored
        ? await BudgetBallot.query({ client: trx })
            .where({ campaignId, citizenId: citizen.id })
            .first()
        : null
      // Checked after the window and the residence, so that submitting without a draft outside
      // the vote or from elsewhere says why (409, 403) rather than that no ballot exists.
      if (!input.projectIds && !existing)
        throw new NotFoundError('Bulletin introuvable', 'E_BALLOT_NOT_FOUND')
      const projectIds = input.projectIds ?? existing!.projectIds
      const declaredAge = input.declaredAge ?? existing?.declaredAge ?? null
      assertAge(campaign, declaredAge)
      const district = await districtOf(campaign, commune?.id ?? null, trx)
      const scope = await ballotScope(campaign, district, trx)
      const submit = Boolean(input.submit || existing?.submittedAt)
      assertBallotFollowsRules(campaign, scope.budget, scope.costs, projectIds, submit)
      const { rows } = await trx.rawQuery(
        `INSERT INTO participation_budget_ballots
           (collectivity_id, campaign_id, district_id, citizen_id, voter_ref, kind, commune_id, declared_age, project_ids, submitted_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'online', ?, ?, ?::integer[], ?, now(), now())
         ON CONFLICT (campaign_id, citizen_id) DO UPDATE SET
           district_id = EXCLUDED.district_id, commune_id = EXCLUDED.commune_id,
           declared_age = COALESCE(EXCLUDED.declared_age, participation_budget_ballots.declared_age),
           project_ids = EXCLUDED.project_ids,
           submitted_at = COALESCE(participation_budget_ballots.submitted_at, EXCLUDED.submitted_at),
           updated_at = now()
         RETURNING *`,
        [
          campaign.collectivityId,
          campaign.id,
          district?.id ?? null,
          citizen.id,
          newVoterRef(),
          commune?.id ?? null,
          declaredAge,
          `{${projectIds.join(',')}}`,
          submit ? now.toJSDate() : null,
        ] as any[]
      )
      return BudgetBallot.$createFromAdapterResult(rows[0])!
    })
  }
}
