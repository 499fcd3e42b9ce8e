import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { audit, type AuditActor } from '#kernel/accounts/actions/record_audit'
import type Tenant from '#kernel/tenancy/tenant'
import Open311ApiKey from '#signalement/models/open311_api_key'

/** The current authority's Open311 keys, newest first (their prefix only: keys are not kept). */
export class ListOpen311Keys {
  async handle(tenant: Tenant) {
    return Open311ApiKey.ownedBy(tenant).orderBy('created_at', 'desc').orderBy('id', 'desc')
  }
}

/**
 * Revokes one of the current authority's keys: from now on its client's POSTs are refused
 * (403). Revoking twice keeps the first date.
 */
export class RevokeOpen311Key {
  async handle(tenant: Tenant, keyId: number, by?: AuditActor) {
    return db.transaction(async (trx) => {
      const key = await Open311ApiKey.findOwnedOrFail(tenant, keyId, trx)
      if (key.revokedAt !== null) return key
      key.useTransaction(trx)
      key.revokedAt = DateTime.now()
      await key.save()
      await audit(
        {
          agent: by?.agent ?? tenant.agent,
          ip: by?.ip,
          collectivityId: tenant.collectivityId,
          action: 'signalement.open311_key_revoked',
          subject: { type: 'open311_key', id: key.id },
          before: { name: key.name, prefix: key.keyPrefix },
        },
        trx
      )
      return key
    })
  }
}
