import db from '@adonisjs/lucid/services/db'
import { modules } from '#kernel/modules/registry'
import { decodeCursor, encodeCursor, type PageRequest } from '#kernel/http/pagination'
import { whereVisible, type Audience } from '#info/support/audience'
import Alert from '#info/models/alert'
import { feedQuery } from '#info/support/feed_query'
import { readyImages } from '#info/support/images'

const LISTING = 'info.feed'
const MAX_ALERTS = 20

export interface FeedRow {
  id: number | string
  collectivity_id: number
  type: string
  item_id: number
  title: string
  summary: string | null
  image_media_id: number | null
  pinned: boolean
  published_at: Date
  starts_at: Date | null
  ends_at: Date | null
}

/**
 * The citizen feed of an authority: news and upcoming events (and what other modules add) of
 * the authority, its EPCI and its département, newest first, each tagged with its origin.
 * Pinned news are flagged (`pinned`) but keep their place: the feed stays in time order, and
 * the news listing is where pinned items come first.
 */
export default class ReadFeed {
  async handle(audience: Audience, page: PageRequest, now: Date = new Date()) {
    // Each module's types, kept while the authority has the feature that shows them.
    const types = modules.flatMap((module) =>
      (module.feed?.types ?? []).filter((type) => {
        const feature = module.feed?.features?.[type]
        return !feature || audience.hasFeature(feature)
      })
    )
    const before = page.cursor ? decodeCursor(LISTING, page.cursor, 'timestamp', 'int8') : undefined
    const { sql, bindings } = feedQuery({
      collectivityIds: audience.ids,
      types,
      now,
      take: page.limit + 1,
      before: before ? { publishedAt: String(before.value), id: before.id } : undefined,
    })
    const { rows } = (await db.rawQuery(sql, bindings as any[])) as { rows: FeedRow[] }
    const pageRows = rows.slice(0, page.limit)
    const last = pageRows.at(-1)
    const images = await readyImages(pageRows.map((row) => row.image_media_id))
    const alerts = before || !audience.hasFeature('alerts') ? [] : await this.alerts(audience, now)
    return {
      data: [
        ...alerts,
        ...pageRows.map((row) => ({
          type: row.type,
          id: row.item_id,
          title: row.title,
          summary: row.summary,
          image: (row.image_media_id && images.get(row.image_media_id)) || null,
          pinned: row.pinned,
          published_at: row.published_at.toISOString(),
          starts_at: row.starts_at?.toISOString() ?? null,
          ends_at: row.ends_at?.toISOString() ?? null,
          ...audience.originOf(row.collectivity_id),
        })),
      ],
      meta: {
        next_cursor:
          rows.length > page.limit && last
            ? // feed_items.id is a bigint: pg hands it over as a string.
              encodeCursor(LISTING, last.published_at.toISOString(), Number(last.id))
            : null,
        limit: page.limit,
      },
    }
  }

  /** The alerts in force, first on the first page (a handful: each has an end). */
  private async alerts(audience: Audience, now: Date) {
    const alerts = await whereVisible(Alert.visibleFrom(audience), 'info_alerts', now)
      .orderBy('publish_at', 'desc')
      .orderBy('id', 'desc')
      .limit(MAX_ALERTS)
    return alerts.map((alert) => ({
      type: 'alert',
      alert_kind: alert.kind,
      id: alert.id,
      title: alert.title,
      summary: alert.body,
      image: null,
      pinned: false,
      published_at: alert.publishAt!.toJSDate().toISOString(),
      starts_at: null,
      ends_at: alert.expireAt?.toJSDate().toISOString() ?? null,
      ...audience.originOf(alert.collectivityId),
    }))
  }
}
