import News from '#info/models/news'
import { paginateByCursor, type PageRequest } from '#kernel/http/pagination'
import { NotFoundError } from '#kernel/http/errors'
import { whereVisible, type Audience } from '#info/support/audience'
import { readyImages } from '#info/support/images'
import { newsJson } from '#info/transformers/content'

/** Published news of an authority and the levels above it, newest first. */
export default class ListNews {
  async handle(audience: Audience, page: PageRequest, now: Date = new Date()) {
    audience.requireFeature('news')
    const query = whereVisible(
      News.query().whereIn('collectivity_id', audience.ids),
      'info_news',
      now
    )
    const result = await paginateByCursor(query, page, {
      listing: 'info.news',
      column: 'publish_at',
      direction: 'desc',
    })
    const images = await readyImages(result.rows.map((news) => news.imageMediaId))
    return result.toJSON((news) => newsJson(news, audience, images))
  }
}

/** One published news item with its body. */
export class ShowNews {
  async handle(audience: Audience, id: number, now: Date = new Date()) {
    audience.requireFeature('news')
    const news = await whereVisible(
      News.query().whereIn('collectivity_id', audience.ids),
      'info_news',
      now
    )
      .where('id', id)
      .first()
    if (!news) throw new NotFoundError('Actualité introuvable')
    const images = await readyImages([news.imageMediaId])
    return { data: newsJson(news, audience, images, true) }
  }
}
