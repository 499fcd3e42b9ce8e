import News from '#info/models/news'
import { decodeCursor, encodeCursor, isIsoInstant, type PageRequest } from '#kernel/http/pagination'
import { NotFoundError } from '#kernel/http/errors'
import { whereVisible, type Audience } from '#info/support/audience'
import { readyImages } from '#info/support/images'
import { newsJson } from '#info/transformers/content'

const LISTING = 'info.news'

/**
 * The keyset of the news listing is `(pinned, publish_at, id)`, all descending: the cursor's
 * sort value carries the first two as `"1|<ISO date>"` (pinned) or `"0|<ISO date>"`.
 */
function positionOf(news: News): string {
  return `${news.pinned ? 1 : 0}|${news.publishAt!.toUTC().toISO()}`
}

const isPosition = (value: string | number) =>
  typeof value === 'string' && /^[01]\|/.test(value) && isIsoInstant(value.slice(2))

function readPosition(cursor: string): { pinned: boolean; publishAt: string; id: number } {
  const { value, id } = decodeCursor(LISTING, cursor, isPosition)
  const position = String(value)
  return { pinned: position[0] === '1', publishAt: position.slice(2), id }
}

/**
 * Published news of an authority and the levels above it: pinned ones first, then newest
 * first. Cursor pagination stays exact across the pinned/unpinned boundary because `pinned`
 * is part of the keyset.
 */
export default class ListNews {
  async handle(audience: Audience, page: PageRequest, now: Date = new Date()) {
    audience.requireFeature('news')
    const query = whereVisible(News.visibleFrom(audience), 'info_news', now)
    if (page.cursor) {
      const after = readPosition(page.cursor)
      query.whereRaw('(pinned, publish_at, id) < (?, ?, ?)', [
        after.pinned,
        after.publishAt,
        after.id,
      ])
    }
    const fetched = await query
      .orderBy('pinned', 'desc')
      .orderBy('publish_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
    const rows = fetched.slice(0, page.limit)
    const last = rows.at(-1)
    const images = await readyImages(rows.map((news) => news.imageMediaId))
    return {
      data: rows.map((news) => newsJson(news, audience, images)),
      meta: {
        next_cursor:
          fetched.length > page.limit && last
            ? encodeCursor(LISTING, positionOf(last), last.id)
            : null,
        limit: page.limit,
      },
    }
  }
}

/** One published news item with its body. */
export class ShowNews {
  async handle(audience: Audience, id: number, now: Date = new Date()) {
    audience.requireFeature('news')
    const news = await whereVisible(News.visibleFrom(audience), 'info_news', now)
      .where('id', id)
      .first()
    if (!news) throw new NotFoundError('Actualité introuvable')
    const images = await readyImages([news.imageMediaId])
    return { data: newsJson(news, audience, images, true) }
  }
}
