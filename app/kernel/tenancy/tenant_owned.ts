import type { BaseModel } from '@adonisjs/lucid/orm'
import type { NormalizeConstructor } from '@adonisjs/core/types/helpers'
import type { LucidModel, ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Collectivity from '#kernel/territories/models/collectivity'
import type Tenant from '#kernel/tenancy/tenant'
import { NotFoundError } from '#kernel/http/errors'

/**
 * The one way a model of a tenant table (a table with `collectivity_id`) is queried from the
 * back-office. Compose it into the model and declare the `collectivityId` column:
 *
 *   export default class News extends compose(BaseModel, TenantOwned) {
 *     @column() declare collectivityId: number
 *   }
 *
 *   News.ownedBy(ctx.tenant)                  // listings: the current authority's rows only
 *   await News.findOwnedOrFail(ctx.tenant, id) // route lookups: 404 for another authority's row
 *   await News.createFor(ctx.tenant, values)   // writes: always for the current authority
 *   News.visibleFrom(commune)                  // citizen reads: commune + EPCI + département
 *
 * An EPCI or département agent publishes rows that flow down to its communes through
 * `visibleFrom`, but `ownedBy` is strict equality: it never reaches a commune's own rows.
 */
export function TenantOwned<Model extends NormalizeConstructor<typeof BaseModel>>(
  superclass: Model
) {
  class TenantOwnedModel extends superclass {
    declare collectivityId: number

    static ownedBy<T extends LucidModel>(
      this: T,
      tenant: Tenant | number
    ): ModelQueryBuilderContract<T, InstanceType<T>> {
      const collectivityId = typeof tenant === 'number' ? tenant : tenant.collectivityId
      return this.query().where(`${this.table}.collectivity_id`, collectivityId)
    }

    static async findOwnedOrFail<T extends LucidModel>(
      this: T,
      tenant: Tenant,
      id: unknown,
      trx?: TransactionClientContract
    ): Promise<InstanceType<T>> {
      const key = Number(id)
      const row = Number.isSafeInteger(key)
        ? await this.query({ client: trx })
            .where(`${this.table}.collectivity_id`, tenant.collectivityId)
            .where(`${this.table}.${this.primaryKey}`, key)
            .first()
        : null
      if (!row) throw new NotFoundError()
      return row
    }

    static async createFor<T extends LucidModel>(
      this: T,
      tenant: Tenant,
      values: Partial<InstanceType<T>>,
      options?: Parameters<T['create']>[1]
    ): Promise<InstanceType<T>> {
      return this.create({ ...values, collectivityId: tenant.collectivityId } as any, options)
    }

    static visibleFrom<T extends LucidModel>(
      this: T,
      collectivity: Pick<Collectivity, 'lineageIds'>
    ): ModelQueryBuilderContract<T, InstanceType<T>> {
      return this.query().whereIn(`${this.table}.collectivity_id`, collectivity.lineageIds)
    }
  }
  return TenantOwnedModel
}
