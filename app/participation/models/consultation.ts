import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import ParticipationItem from '#participation/models/participation_item'
import ConsultationQuestion from '#participation/models/consultation_question'

/** An ordered questionnaire, one submission per citizen, editable until the close. */
export default class Consultation extends ParticipationItem {
  static table = 'participation_consultations'

  @hasMany(() => ConsultationQuestion, { foreignKey: 'consultationId' })
  declare questions: HasMany<typeof ConsultationQuestion>
}
