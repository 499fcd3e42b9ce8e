import db from '@adonisjs/lucid/services/db'
import Collectivity from '#kernel/territories/models/collectivity'
import SetFeatures, { type SetFeaturesInput } from '#kernel/modules/actions/set_features'
import type Tenant from '#kernel/tenancy/tenant'
import { audit } from '#kernel/accounts/actions/record_audit'

/**
 * An admin switches the current authority's features on or off (with their settings) through
 * SetFeatures, recorded in the audit log with the states before and after.
 */
export default class UpdateFeatures {
  async handle(tenant: Tenant, input: SetFeaturesInput, ip?: string | null) {
    return db.transaction(async (trx) => {
      const collectivity = await Collectivity.query({ client: trx })
        .where('id', tenant.collectivityId)
        .forUpdate()
        .firstOrFail()
      const before = structuredClone(collectivity.modules ?? {})
      await new SetFeatures().handle(collectivity, input, trx)
      tenant.collectivity.modules = collectivity.modules
      await audit(
        {
          agent: tenant.agent,
          collectivityId: collectivity.id,
          action: 'modules.updated',
          subject: { type: 'collectivity', id: collectivity.id },
          before,
          after: collectivity.modules,
          ip,
        },
        trx
      )
      return collectivity.modules
    })
  }
}
