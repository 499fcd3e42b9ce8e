import { createHash } from 'node:crypto'
import type { Secret } from '@adonisjs/core/helpers'
import db from '@adonisjs/lucid/services/db'
import { AccessToken, AccessTokensLucidUserProvider } from '@adonisjs/auth/access_tokens'
import type { AccessTokensGuardUser } from '@adonisjs/auth/types/access_tokens'
import type Citizen from '#kernel/accounts/models/citizen'
import {
  CITIZEN_TOKENS,
  TOKEN_COLUMNS,
  VERIFY_CITIZEN_TOKEN_SQL,
  verifyCitizenTokenBindings,
} from '#kernel/accounts/citizens/citizen_token_sql'

/**
 * The `api` guard's user provider. The stock provider spends three queries on every
 * authenticated request (the token, its `last_used_at`, then the citizen) and stamps
 * `last_used_at` before it checks the secret. Here one statement does all three, stamping only
 * a token whose secret, type and expiry hold, and at most every LAST_USED_PRECISION: the citizen API's write path is measured against
 * bare `pg` (bench/participation_ballots.ts), and every authenticated route pays this.
 *
 * The guard asks `verifyToken` then, at once, `findById(token.tokenableId)`: the citizen read
 * by the first is handed to the second through `#verified`, a queue per citizen id (two
 * requests of one citizen may interleave; each takes a row as fresh as its own query).
 */
export class CitizenTokensUserProvider extends AccessTokensLucidUserProvider<
  'accessTokens',
  typeof Citizen
> {
  #verified = new Map<number, Citizen[]>()

  override async verifyToken(tokenValue: Secret<string>): Promise<AccessToken | null> {
    const decoded = AccessToken.decode(CITIZEN_TOKENS.prefix, tokenValue.release())
    if (!decoded) return null
    const identifier = Number(decoded.identifier)
    if (!Number.isSafeInteger(identifier) || identifier <= 0 || identifier > 2147483647) return null
    const hash = createHash('sha256').update(decoded.secret.release()).digest('hex')
    const { rows } = await db.rawQuery(
      VERIFY_CITIZEN_TOKEN_SQL,
      verifyCitizenTokenBindings(identifier, hash)
    )
    const row = rows[0]
    if (!row) return null
    const token = new AccessToken({
      identifier: row.token_id,
      tokenableId: row.token_tokenable_id,
      type: row.token_type,
      name: row.token_name,
      hash: row.token_hash,
      abilities: JSON.parse(row.token_abilities),
      createdAt: row.token_created_at,
      updatedAt: row.token_updated_at,
      lastUsedAt: row.token_last_used_at,
      expiresAt: row.token_expires_at,
    })
    // The hash matched in SQL already; this constant-time check costs nothing and keeps the
    // stock provider's guarantee if the query above is ever changed.
    if (!token.verify(decoded.secret)) return null
    for (const column of TOKEN_COLUMNS) delete row[`token_${column}`]
    const model = await this.getModel()
    const citizen = model.$createFromAdapterResult(row)!
    const queue = this.#verified.get(citizen.id) ?? []
    queue.push(citizen)
    this.#verified.set(citizen.id, queue)
    return token
  }

  override async findById(
    identifier: string | number | BigInt
  ): Promise<AccessTokensGuardUser<Citizen> | null> {
    const id = Number(identifier)
    const queue = this.#verified.get(id)
    const citizen = queue?.shift()
    if (queue && queue.length === 0) this.#verified.delete(id)
    if (citizen) return this.createUserForGuard(citizen)
    return super.findById(identifier)
  }
}
