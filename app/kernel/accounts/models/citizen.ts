import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import Collectivity from '#kernel/territories/models/collectivity'
import { CITIZEN_TOKENS } from '#kernel/accounts/citizens/citizen_token_sql'

const AuthFinder = withAuthFinder(() => hash.use(), {
  uids: ['email'],
  passwordColumnName: 'password',
})

/**
 * A citizen account of the mobile apps. Authenticates with access tokens (guard `api`);
 * `email` is always stored lower-cased (see `normalizeEmail`).
 */
export default class Citizen extends compose(BaseModel, AuthFinder) {
  static accessTokens = DbAccessTokensProvider.forModel(Citizen, {
    ...CITIZEN_TOKENS,
    expiresIn: '90 days',
  })

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare email: string

  @column()
  declare displayName: string

  @column({ serializeAs: null })
  declare password: string

  @column.dateTime()
  declare emailVerifiedAt: DateTime | null

  @column()
  declare homeCommuneId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Collectivity, { foreignKey: 'homeCommuneId' })
  declare homeCommune: BelongsTo<typeof Collectivity>

  get isEmailVerified(): boolean {
    return Boolean(this.emailVerifiedAt)
  }
}

/** E-mail addresses compare case-insensitively: one spelling is stored and looked up. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}
