import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import FeedItem from '#info/models/feed_item'
import type News from '#info/models/news'
import type Event from '#info/models/event'
import type PublicationBase from '#info/models/publication_base'
import { plainText } from '#info/support/rich_text'

const SUMMARY_LENGTH = 280

function summaryOf(text: string): string {
  return text.length <= SUMMARY_LENGTH ? text : `${text.slice(0, SUMMARY_LENGTH - 1).trimEnd()}…`
}

/**
 * Keeps the `feed_items` row of a news item or an event in step with it, inside the caller's
 * transaction: present while it is scheduled or published (the feed filters on the dates), gone
 * once it is back in draft or expired. Other content types have no feed row.
 */
export async function syncFeedItem(item: PublicationBase, trx: TransactionClientContract) {
  const type = feedTypeOf(item)
  if (!type) return
  const content = item as News | Event
  const listed =
    (item.status === 'scheduled' || item.status === 'published') && item.publishAt !== null
  if (!listed) {
    await FeedItem.query({ client: trx }).where({ type, itemId: item.id }).delete()
    return
  }
  const row = {
    collectivityId: item.collectivityId,
    title: content.title,
    summary:
      type === 'news'
        ? summaryOf((item as News).summary || plainText((item as News).body))
        : summaryOf(plainText((item as Event).description)),
    imageMediaId: content.imageMediaId,
    pinned: type === 'news' && (item as News).pinned,
    publishedAt: item.publishAt!,
    expireAt: item.expireAt,
    startsAt: type === 'event' ? (item as Event).startsAt : null,
    endsAt: type === 'event' ? (item as Event).endsAt : null,
  }
  await FeedItem.updateOrCreate({ type, itemId: item.id }, row, { client: trx })
}

function feedTypeOf(item: PublicationBase): 'news' | 'event' | null {
  const table = (item.constructor as unknown as { table: string }).table
  if (table === 'info_news') return 'news'
  if (table === 'info_events') return 'event'
  return null
}
