import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { ConflictError, DomainError } from '#kernel/http/errors'
import BudgetCampaign, { type BallotRule } from '#participation/models/budget_campaign'
import BudgetDistrict from '#participation/models/budget_district'
import type { AllocationRule } from '#participation/support/allocation/index'
import { syncParticipationFeed } from '#participation/support/feed'
import { parisLabel } from '#participation/support/window'

export interface CampaignInput {
  title: string
  description?: string | null
  totalAmount: number
  ballotRule: BallotRule
  minProjects?: number | null
  maxProjects?: number | null
  minSpendPercent?: number | null
  allocationRule: AllocationRule
  minimumAge?: number | null
  themes?: string[]
  districts?: Array<{ name: string; budget: number; communeIds: number[] }>
  proposalsOpensAt: DateTime
  proposalsClosesAt: DateTime
  voteOpensAt: DateTime
  voteClosesAt: DateTime
}

/** What voters are promised when the vote opens: never changed afterwards. */
const FROZEN = [
  'totalAmount',
  'ballotRule',
  'minProjects',
  'maxProjects',
  'minSpendPercent',
  'allocationRule',
  'minimumAge',
  'voteOpensAt',
] as const

function assertConsistent(input: CampaignInput) {
  const order: Array<[DateTime, DateTime, string, string]> = [
    [
      input.proposalsOpensAt,
      input.proposalsClosesAt,
      'proposalsClosesAt',
      'La fin des propositions doit suivre leur ouverture',
    ],
    [
      input.proposalsClosesAt,
      input.voteOpensAt,
      'voteOpensAt',
      'Le vote doit ouvrir après la fin des propositions',
    ],
  ]
  for (const [before, after, field, message] of order) {
    if (after < before) throw new DomainError('E_PHASES_ORDER', message, 422, field)
  }
  if (input.voteClosesAt <= input.voteOpensAt)
    throw new DomainError(
      'E_PHASES_ORDER',
      'La clôture du vote doit suivre son ouverture',
      422,
      'voteClosesAt'
    )
  if (
    input.ballotRule === 'approval' &&
    input.maxProjects &&
    (input.minProjects ?? 0) > input.maxProjects
  ) {
    throw new DomainError(
      'E_BALLOT_RULE',
      'Le minimum de projets dépasse le maximum',
      422,
      'minProjects'
    )
  }
  const districts = input.districts ?? []
  const shared = districts.reduce((sum, d) => sum + d.budget, 0)
  if (districts.length && shared !== input.totalAmount) {
    throw new DomainError(
      'E_DISTRICT_BUDGETS',
      `Les budgets des quartiers (${shared} €) doivent totaliser le montant de la campagne (${input.totalAmount} €)`,
      422,
      'districts'
    )
  }
}

async function replaceDistricts(
  campaign: BudgetCampaign,
  input: CampaignInput,
  trx: TransactionClientContract
) {
  await BudgetDistrict.query({ client: trx }).where('campaignId', campaign.id).delete()
  for (const district of input.districts ?? []) {
    await BudgetDistrict.create({ campaignId: campaign.id, ...district }, { client: trx })
  }
}

/**
 * Creates or edits a campaign of the current authority. Once the vote has opened, its money,
 * ballot and allocation rules, age condition and districts are frozen: a change is refused with
 * the reason (texts and the closing date may still be corrected).
 */
export default class SaveBudgetCampaign {
  async handle(collectivityId: number, input: CampaignInput, id?: number, now = DateTime.now()) {
    assertConsistent(input)
    return db.transaction(async (trx) => {
      const values = {
        title: input.title,
        description: input.description ?? null,
        totalAmount: input.totalAmount,
        ballotRule: input.ballotRule,
        minProjects: input.ballotRule === 'approval' ? (input.minProjects ?? 1) : null,
        maxProjects: input.ballotRule === 'approval' ? (input.maxProjects ?? null) : null,
        minSpendPercent: input.ballotRule === 'knapsack' ? (input.minSpendPercent ?? null) : null,
        allocationRule: input.allocationRule,
        minimumAge: input.minimumAge ?? null,
        themes: input.themes ?? [],
        proposalsOpensAt: input.proposalsOpensAt,
        proposalsClosesAt: input.proposalsClosesAt,
        voteOpensAt: input.voteOpensAt,
        voteClosesAt: input.voteClosesAt,
      }
      if (id === undefined) {
        const campaign = await BudgetCampaign.create(
          { collectivityId, status: 'draft', source: 'own', sourceMeta: null, ...values },
          { client: trx }
        )
        await replaceDistricts(campaign, input, trx)
        return campaign
      }
      const campaign = await BudgetCampaign.query({ client: trx })
        .where({ id, collectivityId })
        .forUpdate()
        .firstOrFail()
      if (campaign.rulesFrozenAt(now)) {
        const districts = await BudgetDistrict.query({ client: trx })
          .where('campaignId', id)
          .orderBy('id')
        const changed = FROZEN.filter((key) => {
          const before = campaign[key]
          const after = values[key]
          // The form gives dates to the minute, while « Ouvrir le vote » stores the instant
          // itself: the same minute is the same opening.
          return DateTime.isDateTime(before)
            ? +before.startOf('minute') !== +(after as DateTime).startOf('minute')
            : before !== after
        })
        const sameDistricts =
          JSON.stringify(districts.map((d) => [d.name, d.budget, d.communeIds])) ===
          JSON.stringify((input.districts ?? []).map((d) => [d.name, d.budget, d.communeIds]))
        if (changed.length || !sameDistricts) {
          throw new ConflictError(
            'E_RULES_FROZEN',
            `Le vote est ouvert depuis le ${parisLabel(campaign.voteOpensAt)} : le montant, les règles du vote et d’attribution, la condition d’âge et les quartiers ne peuvent plus changer`
          )
        }
        campaign.merge({
          title: values.title,
          description: values.description,
          themes: values.themes,
          voteClosesAt: campaign.closedAt ? campaign.voteClosesAt : values.voteClosesAt,
        })
      } else {
        campaign.merge(values)
        await replaceDistricts(campaign, input, trx)
      }
      await campaign.useTransaction(trx).save()
      await syncBudgetFeed(campaign, trx)
      return campaign
    })
  }
}

/** The campaign's feed row: listed from the proposals to the close once published. */
export function syncBudgetFeed(campaign: BudgetCampaign, trx: TransactionClientContract) {
  return syncParticipationFeed(
    'budget',
    {
      id: campaign.id,
      collectivityId: campaign.collectivityId,
      title: campaign.title,
      description: campaign.description,
      status: campaign.status,
      opensAt: campaign.proposalsOpensAt,
      closesAt: campaign.closedAt ?? campaign.voteClosesAt,
    },
    trx
  )
}
