import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { TenantOwned } from '#kernel/tenancy/tenant_owned'
import type { HandlingLevel } from '#signalement/vocabulary'

/**
 * A report category as one authority sets it: on or off, and who handles it from there
 * (`handlingLevel` null = as decided above: the EPCI's, then the département's, then the
 * catalogue's level). Seeded from the default catalogue at onboarding.
 */
export default class Category extends compose(BaseModel, TenantOwned) {
  static table = 'signalement_categories'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare collectivityId: number

  @column()
  declare code: string

  @column()
  declare label: string

  @column()
  declare handlingLevel: HandlingLevel | null

  @column()
  declare enabled: boolean

  @column()
  declare position: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
