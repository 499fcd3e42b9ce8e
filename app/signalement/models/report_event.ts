import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type ReportEventKind =
  | 'submitted'
  | 'transition'
  | 'note'
  | 'reassigned'
  | 'merged'
  | 'published'
  | 'hidden'
  | 'unmerged'
  | 'photo_hidden'
  | 'photo_unhidden'
  | 'flagged_hidden'

/** One line of a report's history: who did what, what the reporter was told, what stays inside. */
export default class ReportEvent extends BaseModel {
  static table = 'signalement_report_events'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare reportId: number

  @column()
  declare kind: ReportEventKind

  @column()
  declare fromStatus: string | null

  @column()
  declare toStatus: string | null

  @column()
  declare publicMessage: string | null

  @column()
  declare internalNote: string | null

  @column()
  declare agentId: number | null

  @column()
  declare fromCollectivityId: number | null

  @column()
  declare toCollectivityId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}
