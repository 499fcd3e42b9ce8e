import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Agent from '#kernel/accounts/models/agent'
import Collectivity from '#kernel/territories/models/collectivity'

/** One thing an agent did (insert-only; see app/kernel/accounts/actions/record_audit.ts). */
export default class AuditLog extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare agentId: number | null

  @column()
  declare collectivityId: number | null

  @column()
  declare action: string

  @column()
  declare subjectType: string | null

  @column()
  declare subjectId: string | null

  @column()
  declare before: Record<string, unknown> | null

  @column()
  declare after: Record<string, unknown> | null

  @column()
  declare ip: string | null

  @column.dateTime({ autoCreate: true })
  declare at: DateTime

  @belongsTo(() => Agent)
  declare agent: BelongsTo<typeof Agent>

  @belongsTo(() => Collectivity)
  declare collectivity: BelongsTo<typeof Collectivity>
}
