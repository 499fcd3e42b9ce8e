import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { TenantOwned } from '#kernel/tenancy/tenant_owned'
import type { ParticipationAudience } from '#participation/support/eligibility'
import { windowState, type WindowState } from '#participation/support/window'

export type ItemStatus = 'draft' | 'published'
export const RESULTS_VISIBILITIES = ['live', 'after_close', 'never'] as const
export type ResultsVisibility = (typeof RESULTS_VISIBILITIES)[number]

/**
 * What polls and consultations share: the owning authority (tenant row), texts, a draft or
 * published status, the answering window, who may answer and when the public sees results.
 * A published item is public from its opening.
 */
export default class ParticipationItem extends compose(BaseModel, TenantOwned) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare collectivityId: number

  @column()
  declare title: string

  @column()
  declare description: string | null

  @column()
  declare status: ItemStatus

  @column.dateTime()
  declare opensAt: DateTime

  @column.dateTime()
  declare closesAt: DateTime

  @column()
  declare audience: ParticipationAudience

  @column()
  declare resultsVisibility: ResultsVisibility

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  stateAt(now: DateTime = DateTime.now()): WindowState {
    return windowState(this, now)
  }

  /** Published and opened: what citizens see. */
  isPublicAt(now: DateTime = DateTime.now()): boolean {
    return this.status === 'published' && this.opensAt <= now
  }

  /** Whether the public (citizens, the API) may read the results now. */
  resultsPublicAt(now: DateTime = DateTime.now()): boolean {
    if (!this.isPublicAt(now)) return false
    if (this.resultsVisibility === 'live') return true
    return this.resultsVisibility === 'after_close' && this.stateAt(now) === 'closed'
  }
}
