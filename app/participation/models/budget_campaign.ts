import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { TenantOwned } from '#kernel/tenancy/tenant_owned'
import BudgetDistrict from '#participation/models/budget_district'
import type { AllocationRule } from '#participation/support/allocation/index'
import type { BudgetResults } from '#participation/support/budget_results'

export type BallotRule = 'approval' | 'knapsack'
export const BUDGET_PHASES = ['upcoming', 'proposals', 'review', 'vote', 'results'] as const
export type BudgetPhase = (typeof BUDGET_PHASES)[number]

const amount = { consume: (value: unknown) => (value === null ? null : Number(value)) }

/** A participatory budget: its money, its rules and its dated phases. */
export default class BudgetCampaign extends compose(BaseModel, TenantOwned) {
  static table = 'participation_budget_campaigns'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare collectivityId: number

  @column()
  declare title: string

  @column()
  declare description: string | null

  @column()
  declare status: 'draft' | 'published'

  @column(amount)
  declare totalAmount: number

  @column()
  declare ballotRule: BallotRule

  @column()
  declare minProjects: number | null

  @column()
  declare maxProjects: number | null

  @column()
  declare minSpendPercent: number | null

  @column()
  declare allocationRule: AllocationRule

  @column()
  declare minimumAge: number | null

  @column({ prepare: (value: string[]) => JSON.stringify(value) })
  declare themes: string[]

  @column.dateTime()
  declare proposalsOpensAt: DateTime

  @column.dateTime()
  declare proposalsClosesAt: DateTime

  @column.dateTime()
  declare voteOpensAt: DateTime

  @column.dateTime()
  declare voteClosesAt: DateTime

  @column.dateTime()
  declare closedAt: DateTime | null

  @column()
  declare ballotsDigest: string | null

  @column({ prepare: (value: unknown) => (value === null ? null : JSON.stringify(value)) })
  declare results: BudgetResults | null

  @column()
  declare source: 'own' | 'pabulib'

  @column({ prepare: (value: unknown) => (value === null ? null : JSON.stringify(value)) })
  declare sourceMeta: Record<string, string> | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => BudgetDistrict, { foreignKey: 'campaignId' })
  declare districts: HasMany<typeof BudgetDistrict>

  phaseAt(now: DateTime = DateTime.now()): BudgetPhase {
    if (this.closedAt || now >= this.voteClosesAt) return 'results'
    if (now >= this.voteOpensAt) return 'vote'
    if (now >= this.proposalsClosesAt) return 'review'
    if (now >= this.proposalsOpensAt) return 'proposals'
    return 'upcoming'
  }

  /** Rules, money and eligibility may no longer change once voting has started. */
  rulesFrozenAt(now: DateTime = DateTime.now()): boolean {
    return now >= this.voteOpensAt || this.closedAt !== null
  }

  isPublicAt(now: DateTime = DateTime.now()): boolean {
    return this.status === 'published' && now >= this.proposalsOpensAt
  }
}
