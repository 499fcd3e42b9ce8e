import { column } from '@adonisjs/lucid/orm'
import Publishable from '#info/models/publishable'

export default class News extends Publishable {
  static table = 'info_news'

  @column()
  declare title: string

  @column()
  declare summary: string | null

  /** HTML, sanitised on the way in (see app/info/support/rich_text.ts). */
  @column()
  declare body: string

  @column()
  declare pinned: boolean
}
