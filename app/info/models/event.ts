import { DateTime } from 'luxon'
import { column } from '@adonisjs/lucid/orm'
import Publishable from '#info/models/publishable'
import type { EventCategory } from '#info/vocabulary'

export default class Event extends Publishable {
  static table = 'info_events'

  @column()
  declare title: string

  /** HTML, sanitised on the way in. */
  @column()
  declare description: string

  @column.dateTime()
  declare startsAt: DateTime

  @column.dateTime()
  declare endsAt: DateTime

  @column()
  declare allDay: boolean

  /** iCalendar SEQUENCE: raised each time the event's time changes. */
  @column()
  declare sequence: number

  @column()
  declare placeName: string | null

  @column()
  declare address: string | null

  @column()
  declare lat: number | null

  @column()
  declare lng: number | null

  @column()
  declare category: EventCategory

  @column()
  declare organiser: string | null

  @column()
  declare price: string | null

  @column()
  declare link: string | null
}
