import { column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import Publishable from '#info/models/publishable'
import Menu from '#info/models/menu'
import type { CanteenType } from '#info/vocabulary'

export default class Canteen extends Publishable {
  static table = 'info_canteens'

  @column()
  declare name: string

  @column()
  declare type: CanteenType

  @column()
  declare address: string | null

  @hasMany(() => Menu)
  declare menus: HasMany<typeof Menu>
}
