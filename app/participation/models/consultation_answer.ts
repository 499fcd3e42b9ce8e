import { BaseModel, column } from '@adonisjs/lucid/orm'

/** One question of a submission: choices, a scale value or a text, as the question asks. */
export default class ConsultationAnswer extends BaseModel {
  static table = 'participation_consultation_answers'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare submissionId: number

  @column()
  declare questionId: number

  @column()
  declare choiceIds: number[] | null

  @column()
  declare scaleValue: number | null

  @column()
  declare textValue: string | null
}
