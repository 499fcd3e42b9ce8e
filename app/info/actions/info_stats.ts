import db from '@adonisjs/lucid/services/db'
import type { StatFigure } from '#kernel/modules/manifest'

/** Dashboard figures of an authority: what it shows citizens today, and what awaits. */
export default class InfoStats {
  async handle(collectivityId: number, now: Date = new Date()): Promise<StatFigure[]> {
    // The clock is passed in: now() in SQL is the transaction's start, not this moment.
    const visible = `status IN ('published', 'scheduled') AND publish_at <= :now AND (expire_at IS NULL OR expire_at > :now)`
    const { rows } = await db.rawQuery(
      `SELECT
        (SELECT count(*) FROM info_news WHERE collectivity_id = :id AND ${visible}) AS news,
        (SELECT count(*) FROM info_events WHERE collectivity_id = :id AND ${visible} AND ends_at >= :now) AS events,
        (SELECT count(*) FROM info_places WHERE collectivity_id = :id AND ${visible}) AS places,
        (SELECT count(*) FROM info_contacts WHERE collectivity_id = :id AND ${visible}) AS contacts,
        (SELECT count(*) FROM info_canteens WHERE collectivity_id = :id AND ${visible}) AS canteens,
        (SELECT count(*) FROM info_news WHERE collectivity_id = :id AND status IN ('draft', 'scheduled')
           AND (publish_at IS NULL OR publish_at > :now))
         + (SELECT count(*) FROM info_events WHERE collectivity_id = :id AND status IN ('draft', 'scheduled')
           AND (publish_at IS NULL OR publish_at > :now)) AS pending`,
      { id: collectivityId, now }
    )
    const row = rows[0]
    return [
      { label: 'Actualités en ligne', value: Number(row.news) },
      { label: 'Événements à venir', value: Number(row.events) },
      { label: 'Lieux publiés', value: Number(row.places) },
      { label: 'Contacts utiles', value: Number(row.contacts) },
      { label: 'Cantines', value: Number(row.canteens) },
      { label: 'Brouillons et programmés', value: Number(row.pending) },
    ]
  }
}
