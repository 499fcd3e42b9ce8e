import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import {
  PUBLICATION_MODELS,
  type PublicationItem,
  type PublicationType,
} from '#info/support/content_types'
import { NotFoundError } from '#kernel/http/errors'

/**
 * Loads a content item (or a menu) for a change, locked for the transaction. With `ownerIds`,
 * an item owned by another authority is reported as missing (an agent never learns what others
 * hold).
 */
export async function findContentForUpdate<Type extends PublicationType>(
  type: Type,
  id: number,
  trx: TransactionClientContract,
  ownerIds?: number[]
): Promise<PublicationItem<Type>> {
  const model = PUBLICATION_MODELS[type]
  const query = (model.query({ client: trx }) as any).where('id', id).forUpdate()
  if (ownerIds) query.whereIn('collectivity_id', ownerIds)
  const item = (await query.first()) as PublicationItem<Type> | null
  if (!item) throw new NotFoundError(type === 'menu' ? 'Menu introuvable' : 'Contenu introuvable')
  return item
}
