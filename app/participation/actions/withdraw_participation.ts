import db from '@adonisjs/lucid/services/db'
import { ITEM_KINDS, type ItemKind } from '#participation/support/kinds'
import { syncParticipationFeed } from '#participation/support/feed'
import { ConflictError } from '#kernel/http/errors'
import type ParticipationItem from '#participation/models/participation_item'

/**
 * Puts a published poll or consultation back in draft, while nobody has answered it: once
 * citizens took part, their answers stay public as the item was announced.
 */
export default class WithdrawParticipation {
  async handle(kind: ItemKind, collectivityId: number, id: number) {
    const { model, submissions, parentColumn } = ITEM_KINDS[kind]
    return db.transaction(async (trx) => {
      const item = (await (model as typeof ParticipationItem)
        .ownedBy(collectivityId)
        .useTransaction(trx)
        .where('id', id)
        .forUpdate()
        .firstOrFail()) as ParticipationItem
      const answered = await submissions.query({ client: trx }).where(parentColumn, item.id).first()
      if (answered) {
        throw new ConflictError(
          'E_ALREADY_ANSWERED_ITEM',
          'Des citoyens ont déjà participé : la publication ne peut plus être retirée.'
        )
      }
      item.status = 'draft'
      await item.useTransaction(trx).save()
      await syncParticipationFeed(kind, item, trx)
      return item
    })
  }
}
