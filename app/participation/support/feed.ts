import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { DateTime } from 'luxon'
import SyncFeedEntry from '#info/actions/sync_feed_entry'

/** What every participation item (poll, consultation, budget) shows in the citizen feed. */
export interface FeedContributor {
  id: number
  collectivityId: number
  title: string
  description: string | null
  status: string
  opensAt: DateTime
  closesAt: DateTime
}

const SUMMARY_LENGTH = 280

/**
 * Keeps the feed row of a participation item in step with it (call inside the item's
 * transaction): a published item enters the feed when it opens and leaves it when it closes
 * (dates `starts_at`/`ends_at` are its window); a draft has no row. `type` is one of the
 * manifest's `feed.types` (`poll`, `consultation`, `budget`).
 */
export async function syncParticipationFeed(
  type: string,
  item: FeedContributor,
  trx: TransactionClientContract
) {
  const listed = item.status === 'published'
  const text = item.description?.trim() || null
  await new SyncFeedEntry().handle(
    type,
    item.id,
    listed
      ? {
          collectivityId: item.collectivityId,
          title: item.title,
          summary:
            text && text.length > SUMMARY_LENGTH
              ? `${text.slice(0, SUMMARY_LENGTH - 1).trimEnd()}…`
              : text,
          publishedAt: item.opensAt,
          expireAt: item.closesAt,
          startsAt: item.opensAt,
          endsAt: item.closesAt,
        }
      : null,
    trx
  )
}
