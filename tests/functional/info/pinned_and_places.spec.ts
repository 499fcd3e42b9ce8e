import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import type { ApiClient } from '@japa/api-client'
import SaveNews from '#info/actions/save_news'
import PublishContent from '#info/actions/publish_content'
import { MAX_SCANNED_FOR_OPEN_NOW } from '#info/actions/list_places'
import { distanceInMetres } from '#info/support/geojson'
import { insideBoxSql } from '#info/support/place_geometry'
import { encodeCursor } from '#kernel/http/pagination'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { smallGers } from '#tests/fixtures/info/territory'

const base = (code: string) => `/api/v1/collectivities/${code}`

/** Follows `next_cursor` to the end; returns every page's body. */
async function allPages(client: ApiClient, path: string, qs: Record<string, unknown>) {
  const pages: any[] = []
  let cursor: string | undefined
  do {
    const response = await client.get(path).qs({ ...qs, ...(cursor ? { cursor } : {}) })
    response.assertStatus(200)
    await assertMatchesOpenApi(response)
    pages.push(response.body())
    cursor = response.body().meta.next_cursor ?? undefined
  } while (cursor && pages.length < 100)
  return pages
}

/** Places written straight into the table (hundreds of them), published an hour ago. */
async function insertPlaces(
  collectivityId: number,
  places: Array<{ name: string; lat?: number; lng?: number; openingHours?: string }>
) {
  const now = new Date()
  const rows = places.map((place) => ({
    collectivity_id: collectivityId,
    status: 'published',
    publish_at: new Date(now.getTime() - 3_600_000),
    category: 'market',
    name: place.name,
    lat: place.lat ?? null,
    lng: place.lng ?? null,
    opening_hours: place.openingHours ?? null,
    created_at: now,
    updated_at: now,
  }))
  for (let start = 0; start < rows.length; start += 500) {
    await db.table('info_places').multiInsert(rows.slice(start, start + 500))
  }
}

test.group('Info citizen API: pinned news, places filtered in SQL', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('pinned news come first in /news, page after page; the feed flags them in time order', async ({
    client,
    assert,
  }) => {
    const { auch, epci } = await smallGers()
    const start = DateTime.now().minus({ days: 10 })
    const written: Array<{ id: number; title: string; pinned: boolean; day: number }> = []
    const plan = [
      { owner: auch.id, pinned: false },
      { owner: epci.id, pinned: true },
      { owner: auch.id, pinned: false },
      { owner: auch.id, pinned: true },
      { owner: epci.id, pinned: false },
      { owner: auch.id, pinned: false },
      { owner: auch.id, pinned: true },
    ]
    for (const [day, entry] of plan.entries()) {
      const title = `Actualité ${day}${entry.pinned ? ' (épinglée)' : ''}`
      const news = await new SaveNews().handle(entry.owner, { title, pinned: entry.pinned })
      await new PublishContent().handle({ type: 'news', id: news.id }, start.plus({ days: day }))
      written.push({ id: news.id, title, pinned: entry.pinned, day })
    }
    // Same publication instant for two items: the id breaks the tie.
    const twin = await new SaveNews().handle(auch.id, { title: 'Jumelle', pinned: true })
    await new PublishContent().handle({ type: 'news', id: twin.id }, start.plus({ days: 6 }))
    written.push({ id: twin.id, title: 'Jumelle', pinned: true, day: 6 })

    const expected = [...written]
      .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.day - a.day || b.id - a.id)
      .map((news) => news.title)
    for (const limit of [1, 2, 3, 20]) {
      const pages = await allPages(client, `${base(auch.code)}/news`, { limit })
      const titles = pages.flatMap((page) => page.data.map((news: any) => news.title))
      assert.deepEqual(titles, expected, `limit ${limit}`)
      assert.isNull(pages.at(-1).meta.next_cursor)
    }
    const first = await client.get(`${base(auch.code)}/news`).qs({ limit: 3 })
    assert.deepEqual(
      first.body().data.map((news: any) => news.pinned),
      [true, true, true]
    )

    // Unpinning moves an item back among the others at once.
    await new SaveNews().handle(auch.id, { title: 'Jumelle', pinned: false }, twin.id)
    const after = await client.get(`${base(auch.code)}/news`).qs({ limit: 20 })
    assert.notInclude(
      after
        .body()
        .data.slice(0, 3)
        .map((news: any) => news.title),
      'Jumelle'
    )

    const feed = await allPages(client, `${base(auch.code)}/feed`, { limit: 3 })
    const items = feed.flatMap((page) => page.data)
    assert.deepEqual(
      items.map((item: any) => item.published_at),
      [...items.map((item: any) => item.published_at)].sort().reverse()
    )
    const pinnedTitles = items.filter((item: any) => item.pinned).map((item: any) => item.title)
    assert.sameMembers(pinnedTitles, [
      'Actualité 1 (épinglée)',
      'Actualité 3 (épinglée)',
      'Actualité 6 (épinglée)',
    ])

    // A cursor of this listing with a forged position is a 400, not a 500.
    const forged = await client
      .get(`${base(auch.code)}/news`)
      .qs({ cursor: encodeCursor('info.news', 'not-a-position', 1) })
    forged.assertStatus(400)
    assert.equal(forged.body().errors[0].code, 'E_INVALID_CURSOR')
  })

  test('near: within the radius, by exact distance, paginated without gaps or repeats', async ({
    client,
    assert,
  }) => {
    const { auch } = await smallGers({ markets: { enabled: true, settings: {} } })
    const centre = { lat: 43.6465, lng: 0.5857 }
    const places: Array<{ name: string; lat: number; lng: number }> = []
    for (let index = 0; index < 24; index++) {
      const angle = (index * 47) % 360
      const metres = 150 * (index + 1)
      places.push({
        name: `Point ${index}`,
        lat: centre.lat + (metres / 111_320) * Math.cos((angle * Math.PI) / 180),
        lng:
          centre.lng +
          (metres / (111_320 * Math.cos((centre.lat * Math.PI) / 180))) *
            Math.sin((angle * Math.PI) / 180),
      })
    }
    // Two at the very same spot (ties broken by id), and one in the box's corner but outside
    // the circle.
    places.push(
      { name: 'Jumeau A', lat: 43.65, lng: 0.59 },
      { name: 'Jumeau B', lat: 43.65, lng: 0.59 }
    )
    const radius = 2500
    const corner = radius / 111_320 / Math.SQRT2 + 0.004
    places.push({ name: 'Coin', lat: centre.lat + corner, lng: centre.lng + corner * 1.38 })
    await insertPlaces(auch.id, places)

    const expected = places
      .map((place) => ({ name: place.name, distance: distanceInMetres(centre, place) }))
      .filter((place) => place.distance <= radius)
      .sort((a, b) => a.distance - b.distance)
    assert.notInclude(
      expected.map((place) => place.name),
      'Coin'
    )
    const pages = await allPages(client, `${base(auch.code)}/places`, {
      near: `${centre.lat},${centre.lng}`,
      radius,
      limit: 4,
    })
    const listed = pages.flatMap((page) => page.data)
    assert.deepEqual(
      listed.map((place: any) => place.name),
      expected.map((place) => place.name)
    )
    for (const [index, place] of listed.entries()) {
      assert.closeTo(place.distance_m, expected[index].distance, 1)
    }

    const geojson = await client
      .get(`${base(auch.code)}/places`)
      .qs({ near: `${centre.lat},${centre.lng}`, radius: 200, format: 'geojson' })
    assert.match(String(geojson.header('content-type')), /^application\/geo\+json/)
    assert.deepEqual(
      geojson.body().features.map((feature: any) => feature.properties.name),
      ['Point 0']
    )
  })

  test('open_now: hours evaluated over SQL pages, never more than the scan limit per request', async ({
    client,
    assert,
  }) => {
    const { auch } = await smallGers({ markets: { enabled: true, settings: {} } })
    const closed = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, index) => ({
        name: `${prefix} ${String(index).padStart(4, '0')}`,
        openingHours: 'off',
      }))
    await insertPlaces(auch.id, [
      { name: 'A ouvert', openingHours: '24/7' },
      ...closed(30, 'B fermé'),
      { name: 'C ouvert', openingHours: '24/7' },
      // More closed places in a row than one request reads.
      ...closed(MAX_SCANNED_FOR_OPEN_NOW + 50, 'D fermé'),
      { name: 'E ouvert', openingHours: '24/7' },
      { name: 'F sans horaires' },
    ])
    const pages = await allPages(client, `${base(auch.code)}/places`, {
      open_now: true,
      limit: 3,
    })
    assert.deepEqual(
      pages.flatMap((page) => page.data.map((place: any) => place.name)),
      ['A ouvert', 'C ouvert', 'E ouvert']
    )
    // The first request stopped at the scan limit: a short page, and a cursor to go on from
    // the last place it read.
    assert.deepEqual(
      pages[0].data.map((place: any) => place.name),
      ['A ouvert', 'C ouvert']
    )
    assert.isString(pages[0].meta.next_cursor)
    assert.isNull(pages.at(-1).meta.next_cursor)
    const twoPerPage = await allPages(client, `${base(auch.code)}/places`, {
      open_now: true,
      limit: 2,
    })
    assert.deepEqual(
      twoPerPage.flatMap((page) => page.data.map((place: any) => place.name)),
      ['A ouvert', 'C ouvert', 'E ouvert']
    )

    // With near and open_now together, distance order and hours both hold.
    await insertPlaces(auch.id, [
      { name: 'Proche ouvert', lat: 43.6466, lng: 0.5858, openingHours: '24/7' },
      { name: 'Proche fermé', lat: 43.6465, lng: 0.5857, openingHours: 'off' },
      { name: 'Loin ouvert', lat: 43.66, lng: 0.6, openingHours: '24/7' },
    ])
    const nearOpen = await client
      .get(`${base(auch.code)}/places`)
      .qs({ open_now: true, near: '43.6465,0.5857', radius: 3000 })
    nearOpen.assertStatus(200)
    assert.deepEqual(
      nearOpen.body().data.map((place: any) => place.name),
      ['Proche ouvert', 'Loin ouvert']
    )
  })

  test('the box filter is the expression of the GiST index on point(lng, lat)', async ({
    assert,
  }) => {
    // Planner settings last until the test's transaction is rolled back.
    await db.rawQuery('SET LOCAL enable_seqscan = off')
    const plan = await db.rawQuery(
      `EXPLAIN SELECT id FROM info_places WHERE lat IS NOT NULL AND lng IS NOT NULL AND ${insideBoxSql}`,
      [0.5, 43.6, 0.7, 43.7]
    )
    const text = plan.rows.map((row: any) => row['QUERY PLAN']).join('\n')
    assert.include(text, 'info_places_position')
  })
})
