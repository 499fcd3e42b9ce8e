import { auditContent } from '#info/support/content_audit'
import type { AuditActor } from '#kernel/accounts/actions/record_audit'
import db from '@adonisjs/lucid/services/db'
import Canteen from '#info/models/canteen'
import { findContentForUpdate } from '#info/actions/find_content'
import { assertTextLimits } from '#kernel/http/text_limits'
import { CANTEEN_TEXT_LIMITS, type CanteenType } from '#info/vocabulary'

export interface CanteenInput {
  name: string
  type: CanteenType
  address?: string | null
}

/** Creates (draft) or changes a canteen. */
export default class SaveCanteen {
  async handle(collectivityId: number, input: CanteenInput, id?: number, by?: AuditActor) {
    assertTextLimits(input, CANTEEN_TEXT_LIMITS)
    return db.transaction(async (trx) => {
      const canteen = id
        ? ((await findContentForUpdate('canteen', id, trx, [collectivityId])) as Canteen)
        : new Canteen().merge({ collectivityId, status: 'draft' })
      canteen.merge({
        name: input.name.trim(),
        type: input.type,
        address: input.address?.trim() || null,
      })
      await canteen.useTransaction(trx).save()
      await auditContent(trx, by, id ? 'updated' : 'created', 'canteen', canteen)
      return canteen
    })
  }
}
