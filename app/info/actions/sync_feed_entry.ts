import type { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import FeedItem from '#info/models/feed_item'

/** What another module shows of one of its items in the citizen feed. */
export interface FeedEntry {
  collectivityId: number
  title: string
  summary: string | null
  /** When it enters the feed (the feed shows nothing before). */
  publishedAt: DateTime
  /** When it leaves the feed, if ever. */
  expireAt: DateTime | null
  startsAt?: DateTime | null
  endsAt?: DateTime | null
}

/**
 * The feed's door for other modules (ADR 0006): puts, changes or (with `entry: null`) removes
 * the `feed_items` row of an item of a type the module declares in its manifest's `feed.types`,
 * inside the caller's transaction so that the feed never disagrees with the item.
 */
export default class SyncFeedEntry {
  async handle(
    type: string,
    itemId: number,
    entry: FeedEntry | null,
    trx: TransactionClientContract
  ) {
    if (!entry) {
      await FeedItem.query({ client: trx }).where({ type, itemId }).delete()
      return
    }
    await FeedItem.updateOrCreate(
      { type, itemId },
      {
        collectivityId: entry.collectivityId,
        title: entry.title,
        summary: entry.summary,
        imageMediaId: null,
        pinned: false,
        publishedAt: entry.publishedAt,
        expireAt: entry.expireAt,
        startsAt: entry.startsAt ?? null,
        endsAt: entry.endsAt ?? null,
      },
      { client: trx }
    )
  }
}
