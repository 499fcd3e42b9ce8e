import { auditContent } from '#info/support/content_audit'
import type { AuditActor } from '#kernel/accounts/actions/record_audit'
import db from '@adonisjs/lucid/services/db'
import { assertOwnImage } from '#info/support/own_image'
import News from '#info/models/news'
import { findContentForUpdate } from '#info/actions/find_content'
import { sanitizeRichText } from '#info/support/rich_text'
import { syncFeedItem } from '#info/support/feed_sync'

export interface NewsInput {
  title: string
  summary?: string | null
  body?: string | null
  pinned?: boolean
  imageMediaId?: number | null
}

/**
 * Creates a news item in draft (no `id`) or changes one (`id`); the body is sanitised here so
 * that every caller stores the same safe HTML.
 */
export default class SaveNews {
  async handle(collectivityId: number, input: NewsInput, id?: number, by?: AuditActor) {
    return db.transaction(async (trx) => {
      await assertOwnImage(collectivityId, input.imageMediaId, trx)
      const news = id
        ? ((await findContentForUpdate('news', id, trx, [collectivityId])) as News)
        : new News().merge({ collectivityId, status: 'draft' })
      news.merge({
        title: input.title.trim(),
        summary: input.summary?.trim() || null,
        body: sanitizeRichText(input.body),
        pinned: input.pinned ?? news.pinned ?? false,
        imageMediaId:
          input.imageMediaId === undefined ? (news.imageMediaId ?? null) : input.imageMediaId,
      })
      await news.useTransaction(trx).save()
      await syncFeedItem(news, trx)
      await auditContent(trx, by, id ? 'updated' : 'created', 'news', news)
      return news
    })
  }
}
