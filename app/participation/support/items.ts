import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { LucidModel } from '@adonisjs/lucid/types/model'
import Collectivity from '#kernel/territories/models/collectivity'
import { ConflictError, NotFoundError } from '#kernel/http/errors'
import type ParticipationItem from '#participation/models/participation_item'

/**
 * A published item a citizen may address by id (a draft does not exist for them), locked for
 * the answer's transaction so that a concurrent change of the item waits.
 */
export async function findPublishedForAnswer<Model extends LucidModel>(
  model: Model,
  id: number,
  trx: TransactionClientContract,
  notFound: string
): Promise<InstanceType<Model> & ParticipationItem> {
  const item = (await model
    .query({ client: trx })
    .where('id', id)
    .where('status', 'published')
    .forShare()
    .first()) as (InstanceType<Model> & ParticipationItem) | null
  if (!item) throw new NotFoundError(notFound)
  return item
}

/** An agent publishes only where the feature is switched on (409 saying which). */
export async function assertFeatureOn(collectivityId: number, feature: string, label: string) {
  const collectivity = await Collectivity.findOrFail(collectivityId)
  if (!collectivity.isModuleEnabled(feature)) {
    throw new ConflictError(
      'E_FEATURE_DISABLED',
      `Le module « ${label} » n’est pas activé pour ${collectivity.name} : un administrateur l’active dans « Modules et identité ».`
    )
  }
}

/** Publishing something whose close has passed would open nothing. */
export function assertNotOver(item: ParticipationItem, now: DateTime = DateTime.now()) {
  if (item.closesAt <= now) {
    throw new ConflictError(
      'E_ALREADY_CLOSED',
      'La date de clôture est passée : repoussez-la avant de publier.'
    )
  }
}
