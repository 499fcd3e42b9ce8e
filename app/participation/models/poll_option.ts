import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class PollOption extends BaseModel {
  static table = 'participation_poll_options'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare pollId: number

  @column()
  declare label: string

  @column()
  declare position: number
}
