import { column } from '@adonisjs/lucid/orm'
import Publishable from '#info/models/publishable'
import type { ContactTheme } from '#info/vocabulary'

export default class Contact extends Publishable {
  static table = 'info_contacts'

  @column()
  declare theme: ContactTheme

  @column()
  declare name: string

  @column()
  declare description: string | null

  @column()
  declare phone: string | null

  @column()
  declare email: string | null

  @column()
  declare address: string | null

  @column()
  declare website: string | null

  @column()
  declare hours: string | null

  /** Display order inside a theme (national emergency numbers first). */
  @column()
  declare rank: number
}
