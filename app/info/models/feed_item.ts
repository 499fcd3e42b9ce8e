import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** One row of the citizen feed, written by the actions that publish the content it points to. */
export default class FeedItem extends BaseModel {
  static table = 'feed_items'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare collectivityId: number

  @column()
  declare type: string

  @column()
  declare itemId: number

  @column()
  declare title: string

  @column()
  declare summary: string | null

  @column()
  declare imageMediaId: number | null

  /** A pinned news item: the apps show it above the others. */
  @column()
  declare pinned: boolean

  @column.dateTime()
  declare publishedAt: DateTime

  @column.dateTime()
  declare expireAt: DateTime | null

  @column.dateTime()
  declare startsAt: DateTime | null

  @column.dateTime()
  declare endsAt: DateTime | null
}
