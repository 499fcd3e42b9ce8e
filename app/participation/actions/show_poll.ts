import { DateTime } from 'luxon'
import type { Audience } from '#info/actions/resolve_audience'
import { NotFoundError } from '#kernel/http/errors'
import Poll from '#participation/models/poll'
import PollOption from '#participation/models/poll_option'
import TallyPoll from '#participation/actions/tally_poll'
import { pollJson } from '#participation/transformers/participation'

/** One poll as a citizen of the authority sees it, with its results when they are public. */
export default class ShowPoll {
  async handle(audience: Audience, id: number, now: DateTime = DateTime.now()) {
    audience.requireFeature('polls')
    const poll = await Poll.visibleFrom(audience).where('id', id).first()
    if (!poll || !poll.isPublicAt(now)) throw new NotFoundError('Sondage introuvable')
    const options = await PollOption.query().where('pollId', poll.id).orderBy('position')
    const tally = poll.resultsPublicAt(now) ? await new TallyPoll().handle(poll.id) : null
    return { data: pollJson(poll, options, tally, audience, now) }
  }
}
