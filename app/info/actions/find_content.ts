import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { CONTENT_MODELS, type ContentItem, type ContentType } from '#info/support/content_types'
import { NotFoundError } from '#kernel/http/errors'

/**
 * Loads a content item for a change, locked for the transaction. With `ownerIds`, an item owned
 * by another authority is reported as missing (an agent never learns what others hold).
 */
export async function findContentForUpdate(
  type: ContentType,
  id: number,
  trx: TransactionClientContract,
  ownerIds?: number[]
): Promise<ContentItem> {
  const model = CONTENT_MODELS[type]
  const query = (model.query({ client: trx }) as any).where('id', id).forUpdate()
  if (ownerIds) query.whereIn('collectivity_id', ownerIds)
  const item = (await query.first()) as ContentItem | null
  if (!item) throw new NotFoundError('Contenu introuvable')
  return item
}
