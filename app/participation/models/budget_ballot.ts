import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { TenantOwned } from '#kernel/tenancy/tenant_owned'

export type BallotKind = 'online' | 'paper' | 'imported'

/** One voter's choice of projects; it counts once submitted. */
export default class BudgetBallot extends compose(BaseModel, TenantOwned) {
  static table = 'participation_budget_ballots'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare collectivityId: number

  @column()
  declare campaignId: number

  @column()
  declare districtId: number | null

  @column()
  declare citizenId: number | null

  @column()
  declare voterRef: string

  @column()
  declare kind: BallotKind

  @column()
  declare enteredByAgentId: number | null

  @column()
  declare communeId: number | null

  @column()
  declare declaredAge: number | null

  @column()
  declare projectIds: number[]

  @column.dateTime()
  declare submittedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
