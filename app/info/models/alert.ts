import type { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import Publishable from '#info/models/publishable'
import type { AlertKind } from '#info/vocabulary'

/** An urgent notice: first in the feed until it expires, pushed once when it goes out. */
export default class Alert extends Publishable {
  static table = 'info_alerts'

  @column()
  declare kind: AlertKind

  @column()
  declare title: string

  @column()
  declare body: string | null

  @column.dateTime()
  declare pushedAt: DateTime | null
}
