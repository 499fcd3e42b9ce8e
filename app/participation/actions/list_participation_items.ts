import { DateTime } from 'luxon'
import type { Audience } from '#info/actions/resolve_audience'
import { paginateByCursor, type PageRequest } from '#kernel/http/pagination'
import { ITEM_KINDS, type ItemKind } from '#participation/support/kinds'
import type ParticipationItem from '#participation/models/participation_item'
import { itemSummaryJson } from '#participation/transformers/participation'

export type StateFilter = 'open' | 'closed'

/**
 * The polls or consultations a citizen of an authority sees: published and opened, of the
 * authority, its EPCI and its département, most recently opened first; `state` keeps the open
 * or the closed ones.
 */
export default class ListParticipationItems {
  async handle(
    kind: ItemKind,
    audience: Audience,
    page: PageRequest,
    state?: StateFilter,
    now: DateTime = DateTime.now()
  ) {
    const { model, feature } = ITEM_KINDS[kind]
    audience.requireFeature(feature)
    const query = (model as typeof ParticipationItem)
      .visibleFrom(audience)
      .where('status', 'published')
      .where('opens_at', '<=', now.toJSDate())
    if (state === 'open') query.where('closes_at', '>', now.toJSDate())
    if (state === 'closed') query.where('closes_at', '<=', now.toJSDate())
    const result = await paginateByCursor(query, page, {
      listing: `participation.${kind}s`,
      column: 'opens_at',
      direction: 'desc',
    })
    return result.toJSON((item: ParticipationItem) => itemSummaryJson(item, audience, now))
  }
}
