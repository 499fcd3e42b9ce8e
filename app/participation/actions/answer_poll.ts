import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Citizen from '#kernel/accounts/models/citizen'
import Poll from '#participation/models/poll'
import PollAnswer from '#participation/models/poll_answer'
import { assertEligible } from '#participation/support/eligibility'
import { assertOpen } from '#participation/support/window'
import { findPublishedForAnswer } from '#participation/support/items'
import { alreadyAnswered, insertOnce } from '#participation/support/once'
import { checkPollChoice, writePollChoices } from '#participation/support/poll_choice'

export interface PollAnswerView {
  id: number
  pollId: number
  optionIds: number[]
  createdAt: DateTime
  updatedAt: DateTime
}

/**
 * A citizen's answer to a poll: inside the window (409), from the poll's audience (403), with
 * valid options (422), once (the unique constraint turns a racing second answer into a 409).
 */
export default class AnswerPoll {
  async handle(
    citizen: Citizen,
    pollId: number,
    optionIds: number[],
    now: DateTime = DateTime.now()
  ): Promise<PollAnswerView> {
    return db.transaction(async (trx) => {
      const poll = await findPublishedForAnswer(Poll, pollId, trx, 'Sondage introuvable')
      assertOpen(poll, now)
      const commune = await assertEligible(citizen, poll, trx)
      const ids = await checkPollChoice(poll, optionIds, trx)
      const existing = await PollAnswer.query({ client: trx })
        .where({ pollId: poll.id, citizenId: citizen.id })
        .first()
      const message = poll.allowChange
        ? 'Vous avez déjà répondu à ce sondage : modifiez votre réponse (PUT) plutôt.'
        : 'Vous avez déjà répondu à ce sondage.'
      if (existing) throw alreadyAnswered(message)
      const answer = await insertOnce(
        () =>
          PollAnswer.create(
            { pollId: poll.id, citizenId: citizen.id, communeId: commune?.id ?? null },
            { client: trx }
          ),
        message
      )
      await writePollChoices(answer.id, ids, trx)
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
