import { column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import SubmissionBase from '#participation/models/submission_base'
import ConsultationAnswer from '#participation/models/consultation_answer'

export default class ConsultationSubmission extends SubmissionBase {
  static table = 'participation_consultation_submissions'

  @column()
  declare consultationId: number

  @hasMany(() => ConsultationAnswer, { foreignKey: 'submissionId' })
  declare answers: HasMany<typeof ConsultationAnswer>
}
