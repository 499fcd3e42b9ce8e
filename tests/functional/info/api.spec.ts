import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import SaveNews from '#info/actions/save_news'
import SaveEvent from '#info/actions/save_event'
import SavePlace from '#info/actions/save_place'
import SaveContact from '#info/actions/save_contact'
import SaveCanteen from '#info/actions/save_canteen'
import SaveMenu from '#info/actions/save_menu'
import PublishContent from '#info/actions/publish_content'
import ScheduleContent from '#info/actions/schedule_content'
import type { PublicationType } from '#info/support/content_types'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { smallGers } from '#tests/fixtures/info/territory'

const publish = (type: PublicationType, id: number) => new PublishContent().handle({ type, id })

/**
 * A département, an EPCI and the commune of Auch, each publishing; Lectoure (another EPCI)
 * publishes too and must never show in Auch. Optional features: Auch has markets and canteens.
 */
async function scenario() {
  const territory = await smallGers()
  const { departement, epci, auch, lectoure } = territory
  auch.modules = {
    markets: { enabled: true, settings: {} },
    canteens: { enabled: true, settings: { showAllergens: true } },
  }
  await auch.save()
  const news = async (owner: number, title: string) => {
    const item = await new SaveNews().handle(owner, { title, body: `<p>${title}</p>` })
    await publish('news', item.id)
    return item
  }
  const depNews = await news(departement.id, 'Routes départementales : travaux')
  const epciNews = await news(epci.id, 'Collecte des déchets')
  const auchNews = await news(auch.id, 'Conseil municipal')
  await news(lectoure.id, 'Ailleurs')
  const draft = await new SaveNews().handle(auch.id, { title: 'Brouillon' })
  const later = await new SaveNews().handle(auch.id, { title: 'Plus tard' })
  await new ScheduleContent().handle({
    type: 'news',
    id: later.id,
    publishAt: DateTime.now().plus({ days: 1 }),
  })

  const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' })
  const festival = await new SaveEvent().handle(epci.id, {
    title: 'Festival de jazz',
    description: '<p>Jazz in Marciac, version Auch</p>',
    startsAt: paris('2031-07-14T20:30'),
    endsAt: paris('2031-07-14T23:30'),
    category: 'culture',
    placeName: 'Halle aux grains',
    address: 'Place de la Halle, Auch',
    organiser: 'Grand Auch Cœur de Gascogne',
  })
  await publish('event', festival.id)
  const fair = await new SaveEvent().handle(auch.id, {
    title: 'Foire de la Saint-Martin',
    startsAt: paris('2031-11-11T00:00'),
    endsAt: paris('2031-11-11T00:00'),
    allDay: true,
    category: 'market',
  })
  await publish('event', fair.id)
  const past = await new SaveEvent().handle(auch.id, {
    title: 'Passé',
    startsAt: DateTime.now().minus({ days: 3 }),
    endsAt: DateTime.now().minus({ days: 2 }),
  })
  await publish('event', past.id)

  const market = await new SavePlace().handle(auch.id, {
    category: 'market',
    name: 'Marché d’Auch',
    lat: 43.6465,
    lng: 0.5857,
    openingHours: 'Sa 08:00-13:00',
  })
  await publish('place', market.id)
  const alwaysOpen = await new SavePlace().handle(departement.id, {
    category: 'market',
    name: 'Marché de nuit départemental',
    lat: 43.9,
    lng: 0.3,
    openingHours: '24/7',
  })
  await publish('place', alwaysOpen.id)
  const farm = await new SavePlace().handle(auch.id, {
    category: 'producer',
    name: 'Ferme',
    lat: 43.65,
    lng: 0.56,
  })
  await publish('place', farm.id)

  const emergency = await new SaveContact().handle(departement.id, {
    theme: 'secours',
    name: 'SAMU',
    phone: '15',
    rank: 0,
  })
  await publish('contact', emergency.id)
  const townHall = await new SaveContact().handle(auch.id, {
    theme: 'mairie',
    name: 'Mairie d’Auch',
    phone: '05 62 61 21 00',
  })
  await publish('contact', townHall.id)

  const canteen = await new SaveCanteen().handle(auch.id, {
    name: 'École Jean-Jaurès',
    type: 'elementaire',
  })
  await publish('canteen', canteen.id)
  const lunch = await new SaveMenu().handle(auch.id, {
    canteenId: canteen.id,
    date: DateTime.fromISO('2031-03-03'),
    meal: 'dejeuner',
    dishes: [
      { course: 'plat', name: 'Garbure', labels: ['local'], allergens: ['celeri'] },
      { course: 'dessert', name: 'Croustade', labels: [], allergens: ['gluten', 'oeufs'] },
    ],
  })
  await publish('menu', lunch.id)
  // A menu still in draft never shows.
  await new SaveMenu().handle(auch.id, {
    canteenId: canteen.id,
    date: DateTime.fromISO('2031-03-04'),
    meal: 'dejeuner',
    dishes: [{ course: 'plat', name: 'Menu en préparation', labels: [], allergens: [] }],
  })
  return {
    ...territory,
    depNews,
    epciNews,
    auchNews,
    draft,
    later,
    festival,
    fair,
    market,
    alwaysOpen,
    farm,
    canteen,
  }
}

const base = (code: string) => `/api/v1/collectivities/${code}`

test.group('Info citizen API', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the feed merges commune, EPCI and département, tagged by origin, paginated', async ({
    client,
    assert,
  }) => {
    const s = await scenario()
    const first = await client.get(`${base(s.auch.code)}/feed`).qs({ limit: 3 })
    first.assertStatus(200)
    await assertMatchesOpenApi(first)
    const second = await client
      .get(`${base(s.auch.code)}/feed`)
      .qs({ limit: 3, cursor: first.body().meta.next_cursor })
    second.assertStatus(200)
    assert.isNull(second.body().meta.next_cursor)
    const items = [...first.body().data, ...second.body().data]
    assert.sameMembers(
      items.map((item: any) => `${item.type}:${item.title}:${item.origin}`),
      [
        'news:Routes départementales : travaux:departement',
        'news:Collecte des déchets:epci',
        'news:Conseil municipal:commune',
        'event:Festival de jazz:epci',
        'event:Foire de la Saint-Martin:commune',
      ]
    )
    const festival = items.find((item: any) => item.title === 'Festival de jazz')
    assert.equal(festival.authority.code, s.epci.code)
    assert.equal(festival.summary, 'Jazz in Marciac, version Auch')
    assert.equal(festival.starts_at, '2031-07-14T18:30:00.000Z')

    const lectoure = await client.get(`${base(s.lectoure.code)}/feed`)
    assert.sameMembers(
      lectoure.body().data.map((item: any) => item.title),
      ['Routes départementales : travaux', 'Ailleurs']
    )
  })

  test('news lists published items only; one item shows its body', async ({ client, assert }) => {
    const s = await scenario()
    const list = await client.get(`${base(s.auch.code)}/news`)
    list.assertStatus(200)
    await assertMatchesOpenApi(list)
    assert.sameMembers(
      list.body().data.map((item: any) => item.title),
      ['Routes départementales : travaux', 'Collecte des déchets', 'Conseil municipal']
    )
    const one = await client.get(`${base(s.auch.code)}/news/${s.auchNews.id}`)
    one.assertStatus(200)
    await assertMatchesOpenApi(one)
    assert.equal(one.body().data.body, '<p>Conseil municipal</p>')
    const hidden = await client.get(`${base(s.auch.code)}/news/${s.draft.id}`)
    hidden.assertStatus(404)
    await assertMatchesOpenApi(hidden)
    assert.equal(hidden.body().errors[0].code, 'E_NOT_FOUND')
    const elsewhere = await client.get(`${base(s.lectoure.code)}/news/${s.auchNews.id}`)
    elsewhere.assertStatus(404)
  })

  test('events filter by dates and category, refuse bad input', async ({ client, assert }) => {
    const s = await scenario()
    const all = await client.get(`${base(s.auch.code)}/events`)
    all.assertStatus(200)
    await assertMatchesOpenApi(all)
    assert.deepEqual(
      all.body().data.map((event: any) => event.title),
      ['Festival de jazz', 'Foire de la Saint-Martin']
    )
    assert.equal(all.body().data[0].starts_at, '2031-07-14T20:30:00.000+02:00')
    const july = await client
      .get(`${base(s.auch.code)}/events`)
      .qs({ from: '2031-07-01', to: '2031-07-31' })
    assert.deepEqual(
      july.body().data.map((event: any) => event.title),
      ['Festival de jazz']
    )
    const markets = await client.get(`${base(s.auch.code)}/events`).qs({ category: 'market' })
    assert.deepEqual(
      markets.body().data.map((event: any) => event.title),
      ['Foire de la Saint-Martin']
    )
    const badCategory = await client.get(`${base(s.auch.code)}/events`).qs({ category: 'rave' })
    badCategory.assertStatus(422)
    await assertMatchesOpenApi(badCategory)
    assert.equal(badCategory.body().errors[0].field, 'category')
    const badDate = await client.get(`${base(s.auch.code)}/events`).qs({ from: '2031-02-31' })
    badDate.assertStatus(422)
    assert.equal(badDate.body().errors[0].field, 'from')
    const reversed = await client
      .get(`${base(s.auch.code)}/events`)
      .qs({ from: '2031-08-01', to: '2031-07-01' })
    reversed.assertStatus(422)
    assert.equal(reversed.body().errors[0].code, 'E_INVALID_RANGE')
  })

  test('events.ics is a calendar clients accept', async ({ client, assert }) => {
    const s = await scenario()
    const response = await client.get(`${base(s.auch.code)}/events.ics`)
    response.assertStatus(200)
    assert.match(String(response.header('content-type')), /^text\/calendar/)
    const calendar = parseICalendar(response.text())
    assert.equal(calendar.VCALENDAR[0].VERSION, '2.0')
    assert.exists(calendar.VCALENDAR[0].PRODID)
    assert.equal(calendar.VTIMEZONE[0].TZID, 'Europe/Paris')
    assert.lengthOf(calendar.VEVENT, 2)
    const [festival, fair] = calendar.VEVENT
    assert.equal(festival.SUMMARY, 'Festival de jazz')
    assert.equal(festival['DTSTART;TZID=Europe/Paris'], '20310714T203000')
    assert.equal(festival['DTEND;TZID=Europe/Paris'], '20310714T233000')
    assert.match(festival.UID, new RegExp(`^info-event-${s.festival.id}@`))
    assert.match(festival.DTSTAMP, /^\d{8}T\d{6}Z$/)
    assert.equal(festival.LOCATION, 'Halle aux grains\\, Place de la Halle\\, Auch')
    assert.equal(fair['DTSTART;VALUE=DATE'], '20311111')
    assert.equal(fair['DTEND;VALUE=DATE'], '20311112')
    assert.notEqual(festival.UID, fair.UID)
    // Every line ends with CRLF and none is longer than 75 octets (RFC 5545 §3.1).
    const lines = response.text().split('\r\n')
    assert.isTrue(lines.every((line) => Buffer.byteLength(line) <= 75))
    assert.equal(lines.at(-1), '')
  })

  test('places: switched-on categories only, filters, GeoJSON, open now', async ({
    client,
    assert,
  }) => {
    const s = await scenario()
    const all = await client.get(`${base(s.auch.code)}/places`)
    all.assertStatus(200)
    await assertMatchesOpenApi(all)
    assert.sameMembers(
      all.body().data.map((place: any) => place.name),
      ['Marché d’Auch', 'Marché de nuit départemental']
    )
    const producers = await client.get(`${base(s.auch.code)}/places`).qs({ category: 'producer' })
    producers.assertStatus(404)
    await assertMatchesOpenApi(producers)
    assert.equal(producers.body().errors[0].code, 'E_FEATURE_DISABLED')

    const near = await client
      .get(`${base(s.auch.code)}/places`)
      .qs({ near: '43.646,0.586', radius: 2000 })
    assert.deepEqual(
      near.body().data.map((place: any) => place.name),
      ['Marché d’Auch']
    )
    assert.isBelow(near.body().data[0].distance_m, 100)
    const box = await client.get(`${base(s.auch.code)}/places`).qs({ bbox: '0.2,43.8,0.4,44' })
    assert.deepEqual(
      box.body().data.map((place: any) => place.name),
      ['Marché de nuit départemental']
    )
    const open = await client.get(`${base(s.auch.code)}/places`).qs({ open_now: 'true' })
    assert.includeMembers(
      open.body().data.map((place: any) => place.name),
      ['Marché de nuit départemental']
    )
    const geojson = await client.get(`${base(s.auch.code)}/places`).qs({ format: 'geojson' })
    geojson.assertStatus(200)
    assert.match(String(geojson.header('content-type')), /^application\/geo\+json/)
    await assertMatchesOpenApi(geojson)
    assert.equal(geojson.body().type, 'FeatureCollection')
    const feature = geojson.body().features.find((f: any) => f.properties.name === 'Marché d’Auch')
    assert.deepEqual(feature.geometry, { type: 'Point', coordinates: [0.5857, 43.6465] })
    assert.equal(feature.properties.origin, 'commune')

    const badNear = await client.get(`${base(s.auch.code)}/places`).qs({ near: '95,0' })
    badNear.assertStatus(422)
    assert.equal(badNear.body().errors[0].field, 'near')
    const badBox = await client.get(`${base(s.auch.code)}/places`).qs({ bbox: '1,2,3' })
    badBox.assertStatus(422)
    assert.equal(badBox.body().errors[0].field, 'bbox')
  })

  test('one place tells whether it is open and when it opens next, in Europe/Paris', async ({
    client,
    assert,
  }) => {
    const s = await scenario()
    const response = await client.get(`${base(s.auch.code)}/places/${s.market.id}`)
    response.assertStatus(200)
    await assertMatchesOpenApi(response)
    const place = response.body().data
    assert.isBoolean(place.is_open_now)
    assert.isAtLeast(place.next_openings.length, 2)
    const next = DateTime.fromISO(place.next_openings.at(-1).opens_at, { setZone: true })
    assert.equal(next.weekday, 6)
    assert.equal(next.toFormat('HH:mm'), '08:00')
    assert.oneOf(next.toFormat('ZZ'), ['+01:00', '+02:00'])
    assert.equal(
      DateTime.fromISO(place.next_openings.at(-1).closes_at, { setZone: true }).toFormat('HH:mm'),
      '13:00'
    )

    const farm = await client.get(`${base(s.auch.code)}/places/${s.farm.id}`)
    farm.assertStatus(404)
    // Ids are PostgreSQL integers in the route itself (ADR 0012): anything else names nothing.
    for (const id of ['abc', '2147483648', '0']) {
      const notAnId = await client.get(`${base(s.auch.code)}/places/${id}`)
      notAnId.assertStatus(404)
      assert.equal(notAnId.body().errors[0].code, 'E_ROUTE_NOT_FOUND')
    }
  })

  test('canteens and their menus, with the allergen setting', async ({ client, assert }) => {
    const s = await scenario()
    const canteens = await client.get(`${base(s.auch.code)}/canteens`)
    canteens.assertStatus(200)
    await assertMatchesOpenApi(canteens)
    assert.deepEqual(
      canteens.body().data.map((canteen: any) => canteen.name),
      ['École Jean-Jaurès']
    )
    const menus = await client
      .get(`${base(s.auch.code)}/canteens/${s.canteen.id}/menus`)
      .qs({ from: '2031-03-02', to: '2031-03-08' })
    menus.assertStatus(200)
    await assertMatchesOpenApi(menus)
    assert.deepEqual(menus.body().data.menus, [
      {
        date: '2031-03-03',
        meal: 'dejeuner',
        dishes: [
          { course: 'plat', name: 'Garbure', labels: ['local'], allergens: ['celeri'] },
          { course: 'dessert', name: 'Croustade', labels: [], allergens: ['gluten', 'oeufs'] },
        ],
      },
    ])
    s.auch.modules = {
      ...s.auch.modules,
      canteens: { enabled: true, settings: { showAllergens: false } },
    }
    await s.auch.save()
    const withoutAllergens = await client
      .get(`${base(s.auch.code)}/canteens/${s.canteen.id}/menus`)
      .qs({ from: '2031-03-02', to: '2031-03-08' })
    assert.notProperty(withoutAllergens.body().data.menus[0].dishes[0], 'allergens')

    const tooLong = await client
      .get(`${base(s.auch.code)}/canteens/${s.canteen.id}/menus`)
      .qs({ from: '2031-01-01', to: '2031-06-01' })
    tooLong.assertStatus(422)
    assert.equal(tooLong.body().errors[0].code, 'E_RANGE_TOO_LONG')
    const pavie = await client.get(`${base(s.pavie.code)}/canteens`)
    pavie.assertStatus(404)
    assert.equal(pavie.body().errors[0].code, 'E_FEATURE_DISABLED')
  })

  test('contacts by theme, national numbers first', async ({ client, assert }) => {
    const s = await scenario()
    const all = await client.get(`${base(s.auch.code)}/contacts`)
    all.assertStatus(200)
    await assertMatchesOpenApi(all)
    assert.deepEqual(
      all.body().data.map((contact: any) => `${contact.name}:${contact.origin}`),
      ['SAMU:departement', 'Mairie d’Auch:commune']
    )
    const emergencies = await client.get(`${base(s.auch.code)}/contacts`).qs({ theme: 'secours' })
    assert.deepEqual(
      emergencies.body().data.map((contact: any) => contact.phone),
      ['15']
    )
    const bad = await client.get(`${base(s.auch.code)}/contacts`).qs({ theme: 'pizza' })
    bad.assertStatus(422)
  })

  test('an unknown authority or a bad cursor is a clear 4xx', async ({ client, assert }) => {
    await smallGers()
    const unknown = await client.get(`${base('00000')}/feed`)
    unknown.assertStatus(404)
    await assertMatchesOpenApi(unknown)
    assert.equal(unknown.body().errors[0].code, 'E_COLLECTIVITY_NOT_FOUND')
    const cursor = await client.get(`${base('99013')}/feed`).qs({ cursor: 'garbage' })
    cursor.assertStatus(400)
    const limit = await client.get(`${base('99013')}/feed`).qs({ limit: 1000 })
    limit.assertStatus(422)
  })
})

/**
 * A small RFC 5545 reader for the assertions: unfolds lines, then gathers each component's
 * properties (name with its parameters → value) by component name.
 */
function parseICalendar(text: string) {
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean)
  const components: Record<string, Array<Record<string, string>>> = {}
  const stack: Array<Record<string, string>> = []
  for (const line of lines) {
    const colon = line.indexOf(':')
    const [name, value] = [line.slice(0, colon), line.slice(colon + 1)]
    if (name === 'BEGIN') {
      const component: Record<string, string> = {}
      ;(components[value] ??= []).push(component)
      stack.push(component)
    } else if (name === 'END') {
      stack.pop()
    } else {
      stack.at(-1)![name] = value
    }
  }
  return components
}
