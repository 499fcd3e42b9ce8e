import { column } from '@adonisjs/lucid/orm'
import SubmissionBase from '#participation/models/submission_base'

/** The options are in `participation_poll_choices` (answer × option). */
export default class PollAnswer extends SubmissionBase {
  static table = 'participation_poll_answers'

  @column()
  declare pollId: number
}
