import PollAnswer from '#participation/models/poll_answer'
import type Citizen from '#kernel/accounts/models/citizen'
import type { PollAnswerView } from '#participation/actions/answer_poll'
import { NotFoundError } from '#kernel/http/errors'
import db from '@adonisjs/lucid/services/db'

/** The citizen's own answer to a poll by its id (someone else's is a 404). */
export default class FindPollAnswer {
  async handle(citizen: Citizen, pollId: number, answerId: number): Promise<PollAnswerView> {
    const answer = await PollAnswer.query()
      .where({ id: answerId, pollId, citizenId: citizen.id })
      .first()
    if (!answer) throw new NotFoundError('Réponse introuvable')
    const choices = await db
      .from('participation_poll_choices')
      .where('answer_id', answer.id)
      .orderBy('option_id')
      .select('option_id')
    return {
      id: answer.id,
      pollId,
      optionIds: choices.map((row) => row.option_id),
      createdAt: answer.createdAt,
      updatedAt: answer.updatedAt,
    }
  }
}
