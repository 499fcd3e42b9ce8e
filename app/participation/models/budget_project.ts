import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { TenantOwned } from '#kernel/tenancy/tenant_owned'

export type BudgetProjectStatus = 'submitted' | 'feasible' | 'unfeasible' | 'merged' | 'hidden'

const amount = { consume: (value: unknown) => (value === null ? null : Number(value)) }

/** A project: proposed by a citizen (or imported), reviewed by agents, then voted on. */
export default class BudgetProject extends compose(BaseModel, TenantOwned) {
  static table = 'participation_budget_projects'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare collectivityId: number

  @column()
  declare campaignId: number

  @column()
  declare districtId: number | null

  /** The project id of the Pabulib file it came from. */
  @column()
  declare sourceId: string | null

  @column()
  declare authorCitizenId: number | null

  @column()
  declare title: string

  @column()
  declare description: string | null

  @column()
  declare theme: string | null

  @column()
  declare place: string | null

  @column(amount)
  declare estimatedCost: number

  @column(amount)
  declare finalCost: number | null

  @column()
  declare status: BudgetProjectStatus

  @column()
  declare reviewReason: string | null

  @column()
  declare mergedIntoId: number | null

  @column()
  declare hiddenReason: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** What voting and the allocation count: the cost set at review, else the estimate. */
  get cost(): number {
    return this.finalCost ?? this.estimatedCost
  }

  /** The id shown in results and Pabulib files: the source id for imported projects. */
  get publicId(): string {
    return this.sourceId ?? String(this.id)
  }
}
