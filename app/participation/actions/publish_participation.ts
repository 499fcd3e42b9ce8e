import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { ITEM_KINDS, type ItemKind } from '#participation/support/kinds'
import { assertFeatureOn, assertNotOver } from '#participation/support/items'
import { syncParticipationFeed } from '#participation/support/feed'
import type ParticipationItem from '#participation/models/participation_item'

/**
 * Publishes a poll or a consultation of the authority: citizens see it from its opening (now or
 * later: that is how it is scheduled) and it enters the feed then.
 */
export default class PublishParticipation {
  async handle(kind: ItemKind, collectivityId: number, id: number, now: DateTime = DateTime.now()) {
    const { model, feature, label } = ITEM_KINDS[kind]
    return db.transaction(async (trx) => {
      const item = (await (model as typeof ParticipationItem)
        .ownedBy(collectivityId)
        .useTransaction(trx)
        .where('id', id)
        .forUpdate()
        .firstOrFail()) as ParticipationItem
      await assertFeatureOn(collectivityId, feature, label)
      assertNotOver(item, now)
      item.status = 'published'
      await item.useTransaction(trx).save()
      await syncParticipationFeed(kind, item, trx)
      return item
    })
  }
}
