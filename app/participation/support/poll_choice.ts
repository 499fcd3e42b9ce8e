import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type Poll from '#participation/models/poll'
import PollOption from '#participation/models/poll_option'
import { DomainError } from '#kernel/http/errors'

/**
 * The options of an answer, checked against the poll: known ids only, no repeat, one for a
 * single choice, one to `maxChoices` for a multiple choice (422 on `option_ids` naming the rule).
 */
export async function checkPollChoice(
  poll: Poll,
  optionIds: number[],
  trx: TransactionClientContract
): Promise<number[]> {
  const field = 'option_ids'
  const ids = [...new Set(optionIds)]
  if (ids.length !== optionIds.length)
    throw new DomainError('E_DUPLICATE_OPTION', 'Une même option est choisie deux fois', 422, field)
  const options = await PollOption.query({ client: trx }).where('pollId', poll.id).select('id')
  const known = new Set(options.map((option) => option.id))
  const unknown = ids.filter((id) => !known.has(id))
  if (unknown.length > 0) {
    throw new DomainError(
      'E_UNKNOWN_OPTION',
      `Option inconnue pour ce sondage : ${unknown.join(', ')}`,
      422,
      field
    )
  }
  if (ids.length === 0)
    throw new DomainError('E_NO_CHOICE', 'Choisissez au moins une option', 422, field)
  if (poll.selection === 'single' && ids.length > 1)
    throw new DomainError('E_SINGLE_CHOICE', 'Ce sondage n’accepte qu’une seule option', 422, field)
  if (ids.length > poll.maxChoices) {
    throw new DomainError(
      'E_TOO_MANY_CHOICES',
      `Ce sondage accepte au plus ${poll.maxChoices} options`,
      422,
      field
    )
  }
  return ids
}

export async function writePollChoices(
  answerId: number,
  optionIds: number[],
  trx: TransactionClientContract
) {
  await trx.from('participation_poll_choices').where('answer_id', answerId).delete()
  await trx
    .insertQuery()
    .table('participation_poll_choices')
    .multiInsert(optionIds.map((optionId) => ({ answer_id: answerId, option_id: optionId })))
}
