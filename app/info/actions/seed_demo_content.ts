import { DateTime } from 'luxon'
import News from '#info/models/news'
import Event from '#info/models/event'
import SaveNews from '#info/actions/save_news'
import SaveEvent from '#info/actions/save_event'
import PublishContent from '#info/actions/publish_content'
import { TIME_ZONE } from '#info/vocabulary'

/**
 * A little published content for the demo Gers (development and `npm start` only): a welcome
 * news item of the département, a market news item and a summer event of Auch. Idempotent by
 * title, so reruns of the seeder add nothing.
 */
export default class SeedDemoContent {
  async handle(input: { departementId: number; communeId: number }) {
    await this.ensureNews(input.departementId, {
      title: 'Bienvenue sur Bastide, l’application du Gers',
      summary:
        'Actualités, agenda, signalements : votre commune, votre intercommunalité et le département au même endroit.',
      body: '<p>Choisissez votre commune pour voir ce qui se passe près de chez vous.</p>',
    })
    await this.ensureNews(input.communeId, {
      title: 'Marché de producteurs place de la Libération',
      summary: 'Tous les samedis matin, les producteurs locaux vous attendent au cœur d’Auch.',
      body: '<p>De 8 h à 13 h, fruits, légumes, volailles et fromages du Gers.</p>',
    })
    await this.ensureMusicDay(input.communeId)
  }

  private async ensureNews(
    collectivityId: number,
    input: { title: string; summary: string; body: string }
  ) {
    if (await News.ownedBy(collectivityId).where('title', input.title).first()) return
    const news = await new SaveNews().handle(collectivityId, input)
    await new PublishContent().handle({ type: 'news', id: news.id })
  }

  private async ensureMusicDay(collectivityId: number) {
    const title = 'Fête de la Musique à Auch'
    if (await Event.ownedBy(collectivityId).where('title', title).first()) return
    // The next 21 June, so that the demo agenda is never in the past.
    const now = DateTime.now().setZone(TIME_ZONE)
    let startsAt = DateTime.fromObject(
      { year: now.year, month: 6, day: 21, hour: 18 },
      { zone: TIME_ZONE }
    )
    if (startsAt < now) startsAt = startsAt.plus({ years: 1 })
    const event = await new SaveEvent().handle(collectivityId, {
      title,
      description: '<p>Concerts gratuits dans les rues de la ville haute.</p>',
      startsAt,
      endsAt: startsAt.plus({ hours: 6 }),
      placeName: 'Ville haute',
      category: 'culture',
    })
    await new PublishContent().handle({ type: 'event', id: event.id })
  }
}
