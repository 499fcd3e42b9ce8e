import { DateTime } from 'luxon'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { TenantOwned } from '#kernel/tenancy/tenant_owned'

/** A key an authority issues to an Open311 client; only its SHA-256 is kept. */
export default class Open311ApiKey extends compose(BaseModel, TenantOwned) {
  static table = 'open311_api_keys'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare collectivityId: number

  @column()
  declare name: string

  @column({ serializeAs: null })
  declare keyHash: string

  @column()
  declare keyPrefix: string

  @column.dateTime()
  declare revokedAt: DateTime | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
