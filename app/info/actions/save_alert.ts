import db from '@adonisjs/lucid/services/db'
import Alert from '#info/models/alert'
import { findContentForUpdate } from '#info/actions/find_content'
import type { AlertKind } from '#info/vocabulary'

export interface AlertInput {
  kind: AlertKind
  title: string
  body?: string | null
}

/** Creates an alert in draft (no `id`) or changes one; it goes out with PublishContent. */
export default class SaveAlert {
  async handle(collectivityId: number, input: AlertInput, id?: number) {
    return db.transaction(async (trx) => {
      const alert = id
        ? ((await findContentForUpdate('alert', id, trx, [collectivityId])) as Alert)
        : new Alert().merge({ collectivityId, status: 'draft' })
      alert.merge({ kind: input.kind, title: input.title.trim(), body: input.body?.trim() || null })
      await alert.useTransaction(trx).save()
      return alert
    })
  }
}
