import db from '@adonisjs/lucid/services/db'
import type { DateTime } from 'luxon'
import Poll, { type PollSelection } from '#participation/models/poll'
import PollOption from '#participation/models/poll_option'
import PollAnswer from '#participation/models/poll_answer'
import type { ResultsVisibility } from '#participation/models/participation_item'
import type { ParticipationAudience } from '#participation/support/eligibility'
import { assertWindowInOrder } from '#participation/support/window'
import { syncParticipationFeed } from '#participation/support/feed'
import { ConflictError, DomainError } from '#kernel/http/errors'

export const MIN_POLL_OPTIONS = 2
export const MAX_POLL_OPTIONS = 20

export interface PollInput {
  title: string
  description?: string | null
  selection: PollSelection
  /** Multiple choice: at most this many options (defaults to all of them). */
  maxChoices?: number | null
  allowChange: boolean
  /** The options in order; on an update, an option keeps its id by keeping its place. */
  options: string[]
  opensAt: DateTime
  closesAt: DateTime
  audience: ParticipationAudience
  resultsVisibility: ResultsVisibility
}

/**
 * Creates a poll in draft (no `id`) or changes one of the authority's polls. Once someone has
 * answered, the options, the choice rule and the audience are frozen (labels may still be
 * corrected): an answer must keep meaning what the citizen chose.
 */
export default class SavePoll {
  async handle(collectivityId: number, input: PollInput, id?: number) {
    assertWindowInOrder(input)
    const labels = input.options.map((label) => label.trim())
    this.assertOptions(labels)
    const maxChoices =
      input.selection === 'single' ? 1 : Math.min(input.maxChoices ?? labels.length, labels.length)
    if (input.selection === 'multiple' && maxChoices < 1) {
      throw new DomainError('E_MAX_CHOICES', 'Au moins 1 choix possible', 422, 'maxChoices')
    }
    return db.transaction(async (trx) => {
      const poll = id
        ? await Poll.ownedBy(collectivityId)
            .useTransaction(trx)
            .where('id', id)
            .forUpdate()
            .firstOrFail()
        : new Poll().merge({ collectivityId, status: 'draft' })
      const options = id
        ? await PollOption.query({ client: trx }).where('pollId', poll.id).orderBy('position')
        : []
      const answered =
        id !== undefined &&
        (await PollAnswer.query({ client: trx }).where('pollId', poll.id).first())
      if (answered) {
        // Who may answer is part of the rule: answers taken from every verified account would
        // otherwise count in a poll now said to be for residents only (or the reverse).
        const sameRule =
          poll.selection === input.selection &&
          poll.maxChoices === maxChoices &&
          poll.audience === input.audience
        if (!sameRule || options.length !== labels.length) {
          throw new ConflictError(
            'E_POLL_ANSWERED',
            'Des citoyens ont déjà répondu : les options, la règle de choix et le public ne peuvent plus changer (les libellés, si).'
          )
        }
      }
      poll.merge({
        title: input.title.trim(),
        description: input.description?.trim() || null,
        selection: input.selection,
        maxChoices,
        allowChange: input.allowChange,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        audience: input.audience,
        resultsVisibility: input.resultsVisibility,
      })
      await poll.useTransaction(trx).save()
      // Options keep their ids by position (1..n): extra ones go, new ones come after.
      for (const [position, label] of labels.entries()) {
        const existing = options[position]
        if (existing) await existing.useTransaction(trx).merge({ label }).save()
        else
          await PollOption.create(
            { pollId: poll.id, label, position: position + 1 },
            { client: trx }
          )
      }
      await PollOption.query({ client: trx })
        .where('pollId', poll.id)
        .whereIn(
          'id',
          options.slice(labels.length).map((option) => option.id)
        )
        .delete()
      await syncParticipationFeed('poll', poll, trx)
      return poll
    })
  }

  private assertOptions(labels: string[]) {
    if (labels.length < MIN_POLL_OPTIONS || labels.length > MAX_POLL_OPTIONS) {
      throw new DomainError(
        'E_POLL_OPTIONS',
        `Un sondage propose de ${MIN_POLL_OPTIONS} à ${MAX_POLL_OPTIONS} options`,
        422,
        'options'
      )
    }
    labels.forEach((label, index) => {
      if (!label) throw new DomainError('E_POLL_OPTIONS', 'Option vide', 422, `options.${index}`)
    })
    const seen = new Set(labels.map((label) => label.toLocaleLowerCase('fr')))
    if (seen.size !== labels.length) {
      throw new DomainError(
        'E_POLL_OPTIONS',
        'Deux options portent le même libellé',
        422,
        'options'
      )
    }
  }
}
