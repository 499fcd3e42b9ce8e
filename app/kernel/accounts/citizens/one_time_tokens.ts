import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DomainError } from '#kernel/http/errors'

/** What a mailed token proves: control of the mailbox, to verify it or to reset the password. */
export type OneTimeTokenPurpose = 'verify_email' | 'reset_password'

export const ONE_TIME_TOKEN_TTL: Record<OneTimeTokenPurpose, { hours: number }> = {
  verify_email: { hours: 48 },
  reset_password: { hours: 1 },
}

const TABLE = 'citizen_one_time_tokens'

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * Creates a token for the citizen and returns it in clear (to be mailed); only its SHA-256 is
 * kept. Earlier tokens of the same purpose stop working: only the latest mail counts.
 */
export async function issueOneTimeToken(
  citizenId: number,
  purpose: OneTimeTokenPurpose,
  trx: TransactionClientContract
): Promise<string> {
  const token = randomBytes(32).toString('base64url')
  const now = DateTime.now()
  await trx.from(TABLE).where({ citizen_id: citizenId, purpose }).delete()
  await trx.table(TABLE).insert({
    citizen_id: citizenId,
    purpose,
    token_hash: digest(token),
    expires_at: now.plus(ONE_TIME_TOKEN_TTL[purpose]).toJSDate(),
    created_at: now.toJSDate(),
  })
  return token
}

/**
 * Spends a token: returns the citizen it was issued to, or refuses (unknown, expired, already
 * used or issued for another purpose) with the same answer in every case.
 */
export async function consumeOneTimeToken(
  token: string,
  purpose: OneTimeTokenPurpose,
  trx: TransactionClientContract
): Promise<number> {
  const row = await trx
    .from(TABLE)
    .where({ token_hash: digest(token), purpose })
    .where('expires_at', '>', new Date())
    .forUpdate()
    .first()
  if (!row) {
    throw new DomainError(
      'E_INVALID_TOKEN',
      'Ce lien a expiré ou a déjà servi : demandez-en un nouveau',
      422,
      'token'
    )
  }
  await trx.from(TABLE).where('id', row.id).delete()
  return row.citizen_id as number
}

/**
 * Tells, without spending it, whether a mailed token still works, so that the page the link
 * opens can say at once why it no longer does (410 `E_LINK_EXPIRED`, or `E_LINK_USED` for a
 * token that was spent or replaced by a newer mail: a spent token is deleted, so the two are
 * one). The holder of the token learns nothing about anyone else.
 */
export async function checkOneTimeToken(
  token: string,
  purpose: OneTimeTokenPurpose
): Promise<{ expiresAt: DateTime }> {
  const row = await db
    .from(TABLE)
    .where({ token_hash: digest(token), purpose })
    .select('expires_at')
    .first()
  if (!row) {
    throw new DomainError(
      'E_LINK_USED',
      'Ce lien a déjà été utilisé ou remplacé par un lien plus récent : demandez-en un nouveau',
      410,
      'token'
    )
  }
  const expiresAt = DateTime.fromJSDate(new Date(row.expires_at))
  if (expiresAt <= DateTime.now()) {
    throw new DomainError(
      'E_LINK_EXPIRED',
      'Ce lien a expiré : demandez-en un nouveau',
      410,
      'token'
    )
  }
  return { expiresAt }
}

/** Forgets every mailed token of a citizen (password changed, account deleted). */
export async function forgetOneTimeTokens(citizenId: number, trx?: TransactionClientContract) {
  await (trx ?? db).from(TABLE).where('citizen_id', citizenId).delete()
}
