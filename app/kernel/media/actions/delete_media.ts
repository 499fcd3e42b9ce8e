import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import Media from '#kernel/media/models/media'
import { mediaDisk } from '#kernel/media/storage'

/**
 * Deletes media records and every file stored for them (the private original and all variant
 * generations, which live under one folder per media). The rows go inside the transaction;
 * the files only once it has committed, so that a rollback never leaves a record whose files
 * are gone. File removal is best effort and idempotent: a folder already gone is no error, and
 * a processing run still in flight finds the row gone and removes what it wrote.
 */
export default class DeleteMedia {
  /** One media by id; false when there is none. In `trx` when given, else its own transaction. */
  async handle(mediaId: number, trx?: TransactionClientContract): Promise<boolean> {
    const deleted = await this.deleteWhere((query) => query.where('id', mediaId), trx)
    return deleted.length > 0
  }

  /** Every media a citizen uploaded (GDPR erasure), inside the account deletion's transaction. */
  async uploadedByCitizen(citizenId: number, trx: TransactionClientContract): Promise<number> {
    const deleted = await this.deleteWhere(
      (query) => query.withScopes((scopes) => scopes.uploadedByCitizen(citizenId)),
      trx
    )
    return deleted.length
  }

  private async deleteWhere(
    constrain: (query: ModelQueryBuilderContract<typeof Media>) => unknown,
    trx?: TransactionClientContract
  ): Promise<Media[]> {
    const run = async (client: TransactionClientContract) => {
      const query = Media.query({ client }).forUpdate()
      constrain(query)
      const rows = await query
      if (rows.length === 0) return rows
      await Media.query({ client })
        .whereIn(
          'id',
          rows.map((media) => media.id)
        )
        .delete()
      client.after('commit', () => removeStoredFiles(rows))
      return rows
    }
    return trx ? run(trx) : db.transaction(run)
  }
}

/** Removes the folder of each media on the disk; never throws (logged instead). */
export async function removeStoredFiles(media: Pick<Media, 'storagePrefix' | 'id'>[]) {
  const results = await Promise.allSettled(
    media.map((item) => mediaDisk().deleteAll(item.storagePrefix))
  )
  results.forEach((result, index) => {
    if (result.status === 'rejected') {
      logger.warn(
        { err: result.reason, mediaId: media[index].id },
        'media files could not be removed'
      )
    }
  })
}
