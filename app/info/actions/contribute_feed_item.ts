import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { type DateTime } from 'luxon'
import FeedItem from '#info/models/feed_item'

export interface ContributedFeedItem {
  /** One of the contributing module's manifest `feed.types`. */
  type: string
  itemId: number
  collectivityId: number
  title: string
  summary: string | null
  publishedAt: DateTime
}

/**
 * How another module puts its own rows in the citizen feed (ADR 0006) without touching the
 * info module's tables: upsert one item, or remove it (`null` content), inside the caller's
 * transaction.
 */
export default class ContributeFeedItem {
  async handle(
    key: { type: string; itemId: number },
    item: ContributedFeedItem | null,
    trx: TransactionClientContract
  ) {
    if (!item) {
      await FeedItem.query({ client: trx }).where(key).delete()
      return
    }
    await FeedItem.updateOrCreate(
      key,
      {
        collectivityId: item.collectivityId,
        title: item.title.slice(0, 255),
        summary: item.summary,
        imageMediaId: null,
        pinned: false,
        publishedAt: item.publishedAt,
        expireAt: null,
        startsAt: null,
        endsAt: null,
      },
      { client: trx }
    )
  }
}
