import { BaseModel, column } from '@adonisjs/lucid/orm'

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const
export type QuestionKind = (typeof QUESTION_KINDS)[number]

export interface QuestionChoice {
  /** Stable within the question, so answers keep pointing at the right option. */
  id: number
  label: string
}

export default class ConsultationQuestion extends BaseModel {
  static table = 'participation_consultation_questions'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare consultationId: number

  @column()
  declare position: number

  @column()
  declare kind: QuestionKind

  @column()
  declare label: string

  @column()
  declare required: boolean

  @column({ prepare: (value: QuestionChoice[]) => JSON.stringify(value) })
  declare choices: QuestionChoice[]

  @column()
  declare maxChoices: number | null

  @column()
  declare scaleMax: number | null
}
