import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A citizen's one answer to a poll or one submission to a consultation. */
export default class SubmissionBase extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  /** Null once the account is deleted: the answer still counts, detached from the person. */
  @column()
  declare citizenId: number | null

  /** The citizen's home commune when they answered (participation per commune). */
  @column()
  declare communeId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
