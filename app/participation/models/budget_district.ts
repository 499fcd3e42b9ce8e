import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A part of a campaign with its own budget; residents of its communes vote in it. */
export default class BudgetDistrict extends BaseModel {
  static table = 'participation_budget_districts'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare campaignId: number

  @column()
  declare name: string

  @column({ consume: Number })
  declare budget: number

  @column()
  declare communeIds: number[]
}
