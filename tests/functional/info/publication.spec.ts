import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import SaveNews from '#info/actions/save_news'
import SaveEvent from '#info/actions/save_event'
import PublishContent from '#info/actions/publish_content'
import ScheduleContent from '#info/actions/schedule_content'
import UnpublishContent from '#info/actions/unpublish_content'
import RefreshPublicationStates from '#info/actions/refresh_publication_states'
import News from '#info/models/news'
import FeedItem from '#info/models/feed_item'
import { DomainError } from '#kernel/http/errors'
import { smallGers } from '#tests/fixtures/info/territory'
import { randomUUID } from 'node:crypto'
import Media from '#kernel/media/models/media'
import ReadFeed from '#info/actions/read_feed'
import { Audience } from '#info/support/audience'

function photo(collectivityId: number, state: 'pending' | 'ready') {
  const publicId = randomUUID()
  return Media.create({
    publicId,
    collectivityId,
    kind: 'image',
    state,
    mime: 'image/jpeg',
    bytes: 1000,
    width: 1600,
    height: 900,
    originalKey: `originals/${publicId}`,
    variants:
      state === 'ready'
        ? [
            {
              name: 'w800',
              key: `media/${publicId}/g1/w800.webp`,
              mime: 'image/webp',
              width: 800,
              height: 450,
              bytes: 500,
            },
          ]
        : [],
  })
}

async function statusOf(id: number) {
  const news = await News.findOrFail(id)
  return news.status
}

test.group('Info publication states', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a news item goes draft → published → draft, with its feed row in step', async ({
    assert,
  }) => {
    const { auch } = await smallGers()
    const news = await new SaveNews().handle(auch.id, {
      title: ' Travaux rue Dessoles ',
      body: '<p>Fermée lundi</p>',
    })
    assert.equal(news.status, 'draft')
    assert.equal(news.title, 'Travaux rue Dessoles')
    assert.isNull(await FeedItem.findBy({ type: 'news', itemId: news.id }))

    await new PublishContent().handle({ type: 'news', id: news.id })
    const row = await FeedItem.findByOrFail({ type: 'news', itemId: news.id })
    assert.equal(row.collectivityId, auch.id)
    assert.equal(row.summary, 'Fermée lundi')
    assert.equal(await statusOf(news.id), 'published')

    await new UnpublishContent().handle({ type: 'news', id: news.id })
    assert.equal(await statusOf(news.id), 'draft')
    assert.isNull(await FeedItem.findBy({ type: 'news', itemId: news.id }))
  })

  test('scheduled items publish and expired items expire when the job runs', async ({ assert }) => {
    const { auch } = await smallGers()
    const now = DateTime.now()
    const soon = await new SaveNews().handle(auch.id, { title: 'Bientôt' })
    await new ScheduleContent().handle(
      { type: 'news', id: soon.id, publishAt: now.plus({ hours: 1 }) },
      now
    )
    const brief = await new SaveNews().handle(auch.id, { title: 'Éphémère' })
    await new PublishContent().handle(
      { type: 'news', id: brief.id, expireAt: now.plus({ minutes: 30 }) },
      now
    )

    assert.deepEqual(await new RefreshPublicationStates().handle(now), { published: 0, expired: 0 })
    const later = now.plus({ hours: 2 })
    assert.deepEqual(await new RefreshPublicationStates().handle(later), {
      published: 1,
      expired: 1,
    })
    assert.equal(await statusOf(soon.id), 'published')
    assert.equal(await statusOf(brief.id), 'expired')
    assert.isNull(await FeedItem.findBy({ type: 'news', itemId: brief.id }))
    // Idempotent: a second run changes nothing.
    assert.deepEqual(await new RefreshPublicationStates().handle(later), {
      published: 0,
      expired: 0,
    })
  })

  test('scheduling in the past or expiring before publishing is refused', async ({ assert }) => {
    const { auch } = await smallGers()
    const news = await new SaveNews().handle(auch.id, { title: 'x' })
    const now = DateTime.now()
    await assert.rejects(
      () =>
        new ScheduleContent().handle(
          { type: 'news', id: news.id, publishAt: now.minus({ minutes: 1 }) },
          now
        ),
      'La date de publication programmée doit être dans le futur'
    )
    await assert.rejects(
      () =>
        new ScheduleContent().handle(
          {
            type: 'news',
            id: news.id,
            publishAt: now.plus({ days: 2 }),
            expireAt: now.plus({ days: 1 }),
          },
          now
        ),
      'La date de fin de publication doit suivre la date de publication'
    )
  })

  test('rich text loses scripts and event handlers', async ({ assert }) => {
    const { auch } = await smallGers()
    const news = await new SaveNews().handle(auch.id, {
      title: 'XSS',
      body: '<p onclick="steal()">Bonjour <script>alert(1)</script><a href="javascript:alert(1)">lien</a> <img src="https://x.fr/a.png" onerror="x()"></p><iframe src="https://evil"></iframe>',
    })
    assert.notInclude(news.body, 'script')
    assert.notInclude(news.body, 'onclick')
    assert.notInclude(news.body, 'onerror')
    assert.notInclude(news.body, 'javascript:')
    assert.notInclude(news.body, 'iframe')
    assert.include(news.body, 'Bonjour')
    assert.include(news.body, '<img src="https://x.fr/a.png" />')
  })

  test('an event ending before it starts is refused with a 422', async ({ assert }) => {
    const { auch } = await smallGers()
    const startsAt = DateTime.fromISO('2030-07-14T21:00:00', { zone: 'Europe/Paris' })
    try {
      await new SaveEvent().handle(auch.id, {
        title: 'Feu d’artifice',
        startsAt,
        endsAt: startsAt.minus({ hours: 1 }),
      })
      assert.fail('should have thrown')
    } catch (error) {
      assert.instanceOf(error, DomainError)
      assert.equal((error as DomainError).status, 422)
      assert.equal((error as DomainError).code, 'E_EVENT_ENDS_BEFORE_START')
      assert.equal((error as DomainError).field, 'endsAt')
    }
  })

  test('an all-day event covers whole days in Europe/Paris', async ({ assert }) => {
    const { auch } = await smallGers()
    const day = DateTime.fromISO('2030-08-15T10:00:00', { zone: 'Europe/Paris' })
    const event = await new SaveEvent().handle(auch.id, {
      title: 'Fête',
      startsAt: day,
      endsAt: day,
      allDay: true,
    })
    assert.equal(event.startsAt.setZone('Europe/Paris').toISO(), '2030-08-15T00:00:00.000+02:00')
    assert.equal(event.endsAt.setZone('Europe/Paris').toISO(), '2030-08-15T23:59:59.000+02:00')
  })

  test('an agent of another authority cannot change an item', async ({ assert }) => {
    const { auch, pavie } = await smallGers()
    const news = await new SaveNews().handle(auch.id, { title: 'À Auch' })
    await assert.rejects(
      () => new SaveNews().handle(pavie.id, { title: 'volé' }, news.id),
      'Contenu introuvable'
    )
    await assert.rejects(
      () => new PublishContent().handle({ type: 'news', id: news.id, ownerIds: [pavie.id] }),
      'Contenu introuvable'
    )
  })

  test('an image must be the authority’s own photo, and shows once ready', async ({ assert }) => {
    const { auch, pavie } = await smallGers()
    const theirs = await photo(pavie.id, 'ready')
    await assert.rejects(
      () => new SaveNews().handle(auch.id, { title: 'Photo volée', imageMediaId: theirs.id }),
      'Image introuvable pour cette collectivité'
    )
    const pending = await photo(auch.id, 'pending')
    const news = await new SaveNews().handle(auch.id, {
      title: 'Avec photo',
      imageMediaId: pending.id,
    })
    await new PublishContent().handle({ type: 'news', id: news.id })
    const page = { limit: 10 }
    const before = await new ReadFeed().handle(await Audience.of(auch.code), page)
    assert.isNull(before.data[0].image)

    const processed = await photo(auch.id, 'ready')
    pending.merge({ state: 'ready', variants: processed.variants })
    await pending.save()
    const after = await new ReadFeed().handle(await Audience.of(auch.code), page)
    assert.equal(after.data[0].image!.variants[0].name, 'w800')
    assert.match(after.data[0].image!.variants[0].url, /\/media\/.+\/g1\/w800\.webp$/)
  })
})
