import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import Membership from '#kernel/accounts/models/membership'
import type Tenant from '#kernel/tenancy/tenant'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

export default class Agent extends compose(BaseModel, AuthFinder) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare email: string

  @column()
  declare fullName: string | null

  @column({ serializeAs: null })
  declare password: string | null

  /** Département-wide super-admin: holds every role on every authority. */
  @column()
  declare isSuperAdmin: boolean

  /**
   * Bumped to end every open back-office session of the agent at once (logout, password
   * reset, role removal); see app/kernel/accounts/agent_sessions.ts.
   */
  @column({ serializeAs: null })
  declare sessionGeneration: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @hasMany(() => Membership)
  declare memberships: HasMany<typeof Membership>

  /**
   * The authority this agent acts for during the current back-office request, set by the
   * tenancy middleware (not a column). Policies and abilities read it.
   */
  declare tenant?: Tenant

  /** E-mails are compared case-insensitively: they are stored trimmed and lower-cased. */
  static normalizeEmail(email: string): string {
    return email.trim().toLowerCase()
  }
}
