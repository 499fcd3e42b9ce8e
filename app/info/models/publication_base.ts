import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { TenantOwned } from '#kernel/tenancy/tenant_owned'
import type { PublicationState } from '#info/vocabulary'

/**
 * What every publishable row of the info module shares, menus included: its owner, its
 * publication state and dates, and the rules that read them. Tenant-owned: the back-office
 * reaches rows through `ownedBy` / `findOwnedOrFail`, citizen reads through `visibleFrom`.
 */
export default class PublicationBase extends compose(BaseModel, TenantOwned) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare collectivityId: number

  @column()
  declare status: PublicationState

  @column.dateTime()
  declare publishAt: DateTime | null

  @column.dateTime()
  declare expireAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** What a citizen sees at `now`, whatever the state the scheduler last wrote. */
  isVisibleAt(now: DateTime = DateTime.now()): boolean {
    if (this.status === 'draft' || !this.publishAt) return false
    if (this.publishAt > now) return false
    return !this.expireAt || this.expireAt > now
  }

  /** The state the dates imply, for anything not in draft. */
  stateAt(now: DateTime = DateTime.now()): PublicationState {
    if (this.status === 'draft' || !this.publishAt) return 'draft'
    if (this.expireAt && this.expireAt <= now) return 'expired'
    return this.publishAt > now ? 'scheduled' : 'published'
  }
}
