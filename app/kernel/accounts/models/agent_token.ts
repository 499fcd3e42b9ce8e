import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Agent from '#kernel/accounts/models/agent'
import { DomainError } from '#kernel/http/errors'

export type AgentTokenKind = 'invitation' | 'password_reset'

/** How long a mailed link stays valid. */
export const TOKEN_LIFETIME: Record<AgentTokenKind, { hours: number }> = {
  invitation: { hours: 7 * 24 },
  password_reset: { hours: 1 },
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * A one-time token mailed to an agent. The clear token exists only in the mail; the table keeps
 * its SHA-256 hash, an expiry and the time it was used.
 */
export default class AgentToken extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare agentId: number

  @column()
  declare kind: AgentTokenKind

  @column({ serializeAs: null })
  declare tokenHash: string

  @column.dateTime()
  declare expiresAt: DateTime

  @column.dateTime()
  declare usedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @belongsTo(() => Agent)
  declare agent: BelongsTo<typeof Agent>

  /**
   * Issues a new token (earlier unused ones of the same kind are revoked) and returns the clear
   * value, to be put in the mailed link.
   */
  static async issue(agent: Agent, kind: AgentTokenKind, trx?: TransactionClientContract) {
    const token = randomBytes(32).toString('base64url')
    await AgentToken.query({ client: trx })
      .where({ agentId: agent.id, kind })
      .whereNull('usedAt')
      .update({ usedAt: DateTime.now().toSQL() })
    await AgentToken.create(
      {
        agentId: agent.id,
        kind,
        tokenHash: hashToken(token),
        expiresAt: DateTime.now().plus(TOKEN_LIFETIME[kind]),
        usedAt: null,
      },
      { client: trx }
    )
    return token
  }

  /** The unused, unexpired token of that kind matching the clear value, or null. */
  static async findValid(kind: AgentTokenKind, token: string, trx?: TransactionClientContract) {
    if (typeof token !== 'string' || token.length < 20 || token.length > 100) return null
    const query = AgentToken.query({ client: trx })
      .where({ kind, tokenHash: hashToken(token) })
      .whereNull('usedAt')
      .where('expiresAt', '>', DateTime.now().toSQL()!)
      .preload('agent')
    if (trx) query.forUpdate()
    return query.first()
  }

  /**
   * Spends a mailed link inside the caller's transaction: the token is marked used and its
   * agent returned, bound to the transaction. An unknown, used or expired link is a 410 with
   * `invalidMessage`.
   */
  static async redeem(
    kind: AgentTokenKind,
    token: string,
    trx: TransactionClientContract,
    invalidMessage: string
  ) {
    const found = await AgentToken.findValid(kind, token, trx)
    if (!found) throw new DomainError('E_INVALID_TOKEN', invalidMessage, 410)
    found.useTransaction(trx)
    found.usedAt = DateTime.now()
    await found.save()
    const agent = found.agent
    agent.useTransaction(trx)
    return agent
  }
}
