import { DateTime } from 'luxon'
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
  async handle(tenant: Tenant, keyId: number) {
    const key = await Open311ApiKey.findOwnedOrFail(tenant, keyId)
    if (key.revokedAt === null) {
      key.revokedAt = DateTime.now()
      await key.save()
    }
    return key
  }
}
