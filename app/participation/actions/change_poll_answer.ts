import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Citizen from '#kernel/accounts/models/citizen'
import Poll from '#participation/models/poll'
import PollAnswer from '#participation/models/poll_answer'
import { assertEligible } from '#participation/support/eligibility'
import { assertOpen } from '#participation/support/window'
import { findPublishedForAnswer } from '#participation/support/items'
import { checkPollChoice, writePollChoices } from '#participation/support/poll_choice'
import type { PollAnswerView } from '#participation/actions/answer_poll'
import { ConflictError, NotFoundError } from '#kernel/http/errors'

/**
 * Replaces the options of the citizen's own answer, until the close, when the poll allows it.
 * Someone else's answer id is a 404, as if it did not exist.
 */
export default class ChangePollAnswer {
  async handle(
    citizen: Citizen,
    pollId: number,
    answerId: number,
    optionIds: number[],
    now: DateTime = DateTime.now()
  ): Promise<PollAnswerView> {
    return db.transaction(async (trx) => {
      const poll = await findPublishedForAnswer(Poll, pollId, trx, 'Sondage introuvable')
      const answer = await PollAnswer.query({ client: trx })
        .where({ id: answerId, pollId: poll.id, citizenId: citizen.id })
        .forUpdate()
        .first()
      if (!answer) throw new NotFoundError('Réponse introuvable')
      assertOpen(poll, now)
      // Checked again: someone who moved out (or whose address is no longer verified) may not
      // change what they said while they were eligible; their first answer still counts.
      const commune = await assertEligible(citizen, poll, trx)
      if (!poll.allowChange) {
        throw new ConflictError(
          'E_ANSWER_FINAL',
          'Ce sondage ne permet pas de modifier sa réponse.'
        )
      }
      const ids = await checkPollChoice(poll, optionIds, trx)
      await writePollChoices(answer.id, ids, trx)
      answer.communeId = commune?.id ?? null
      answer.updatedAt = now
      await answer.useTransaction(trx).save()
      return {
        id: answer.id,
        pollId: poll.id,
        optionIds: ids,
        createdAt: answer.createdAt,
        updatedAt: answer.updatedAt,
      }
    })
  }
}
