import type { DateTime } from 'luxon'
import type { Audience } from '#info/actions/resolve_audience'
import type BudgetBallot from '#participation/models/budget_ballot'
import type BudgetCampaign from '#participation/models/budget_campaign'
import type BudgetProject from '#participation/models/budget_project'
import { describeBallotRule } from '#participation/support/ballot_rules'
import type { ProjectPhoto } from '#participation/support/project_photos'

export function budgetCampaignJson(campaign: BudgetCampaign, audience: Audience, now: DateTime) {
  return {
    id: campaign.id,
    title: campaign.title,
    description: campaign.description,
    phase: campaign.phaseAt(now),
    total_amount: campaign.totalAmount,
    ballot_rule: campaign.ballotRule,
    min_projects: campaign.minProjects,
    max_projects: campaign.maxProjects,
    min_spend_percent: campaign.minSpendPercent,
    rule_text: describeBallotRule(campaign, campaign.totalAmount),
    allocation_rule: campaign.allocationRule,
    minimum_age: campaign.minimumAge,
    themes: campaign.themes,
    proposals_opens_at: campaign.proposalsOpensAt.toISO()!,
    proposals_closes_at: campaign.proposalsClosesAt.toISO()!,
    vote_opens_at: campaign.voteOpensAt.toISO()!,
    vote_closes_at: (campaign.closedAt ?? campaign.voteClosesAt).toISO()!,
    results_available: campaign.results !== null,
    ballots_digest: campaign.ballotsDigest,
    ...audience.originOf(campaign.collectivityId),
  }
}

/** A project as the citizen API shows it, with its ready photos (public variants only). */
export function budgetProjectJson(project: BudgetProject, photos: ProjectPhoto[] = []) {
  return {
    id: project.id,
    title: project.title,
    description: project.description,
    theme: project.theme,
    place: project.place,
    district_id: project.districtId,
    cost: project.cost,
    status: project.status,
    review_reason: project.reviewReason ?? null,
    photos,
  }
}

export function budgetBallotJson(ballot: BudgetBallot) {
  return {
    id: ballot.id,
    campaign_id: ballot.campaignId,
    district_id: ballot.districtId,
    project_ids: ballot.projectIds,
    declared_age: ballot.declaredAge,
    status: ballot.submittedAt ? ('submitted' as const) : ('draft' as const),
    submitted_at: ballot.submittedAt?.toISO() ?? null,
    updated_at: ballot.updatedAt.toISO()!,
  }
}
