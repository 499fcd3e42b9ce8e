import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { TenantOwned } from '#kernel/tenancy/tenant_owned'
import type { ModerationState, ReportStatus } from '#signalement/vocabulary'

/**
 * An incident report. `collectivityId` is the authority handling it (the tenant: its agents
 * see it), `communeId` the commune whose shape holds the point. The PostGIS `position` is
 * derived from lat/lng by the database.
 */
export default class Report extends compose(BaseModel, TenantOwned) {
  static table = 'signalement_reports'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare collectivityId: number

  @column()
  declare communeId: number

  @column()
  declare categoryCode: string

  @column()
  declare description: string

  @column()
  declare lat: number

  @column()
  declare lng: number

  @column()
  declare address: string | null

  @column()
  declare citizenId: number | null

  @column()
  declare reporterEmail: string | null

  @column()
  declare reporterName: string | null

  @column()
  declare source: 'app' | 'open311'

  @column()
  declare apiKeyId: number | null

  /** Open311 `media_url`: a link for agents, never fetched by the server (SSRF). */
  @column()
  declare mediaUrl: string | null

  /** Open311 `device_id`: the client's identifier of the reporting device. */
  @column()
  declare deviceId: string | null

  @column()
  declare anonymous: boolean

  @column()
  declare status: ReportStatus

  @column()
  declare moderation: ModerationState

  @column()
  declare publicMessage: string | null

  @column()
  declare flagsCount: number

  @column()
  declare supportsCount: number

  @column()
  declare overdue: boolean

  @column()
  declare mergedIntoId: number | null

  @column.dateTime()
  declare acknowledgedAt: DateTime | null

  @column.dateTime()
  declare resolvedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
