import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { Role } from '#kernel/modules/manifest'
import { TenantOwned } from '#kernel/tenancy/tenant_owned'
import Agent from '#kernel/accounts/models/agent'
import Collectivity from '#kernel/territories/models/collectivity'

/** An agent's role inside one authority (a tenant row of that authority). */
export default class Membership extends compose(BaseModel, TenantOwned) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare agentId: number

  @column()
  declare collectivityId: number

  @column()
  declare role: Role

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Agent)
  declare agent: BelongsTo<typeof Agent>

  @belongsTo(() => Collectivity)
  declare collectivity: BelongsTo<typeof Collectivity>
}
