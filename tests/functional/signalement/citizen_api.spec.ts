import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { check as checkGeoJson } from '@placemarkio/check-geojson'
import { citizenWithToken } from '#tests/helpers/citizens'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { citizenMedia, gersWithShapes, openReports, POINTS } from '#tests/fixtures/signalement/gers'
import Report from '#signalement/models/report'
import { reportSubmissionLimits } from '#signalement/support/throttle'

type Gers = Awaited<ReturnType<typeof gersWithShapes>>
let gers: Gers

const setCategory = (collectivityId: number, code: string, values: Record<string, unknown>) =>
  db.from('signalement_categories').where({ collectivity_id: collectivityId, code }).update(values)

const body = (overrides: Record<string, unknown> = {}) => ({
  category: 'eclairage',
  description: 'Le lampadaire devant l’école ne s’allume plus',
  position: POINTS.auch,
  address: 'Rue de l’École, Auch',
  ...overrides,
})

const mediaId = (...args: Parameters<typeof citizenMedia>) =>
  citizenMedia(...args).then((media) => media.id)
const handlerOf = (reportId: number) =>
  Report.findOrFail(reportId).then((report) => report.collectivityId)
const reportCount = () =>
  db
    .from('signalement_reports')
    .count('* as n')
    .first()
    .then((row) => Number(row.n))

async function sixPhotos(citizenId: number) {
  const ids: number[] = []
  for (let i = 0; i < 6; i++) ids.push(await mediaId(citizenId, gers.auch.id))
  return ids
}

test.group('Signalement: citizen API', (group) => {
  // The Gers and its shapes are written once for the group (committed, 8 s), then every table
  // is truncated when the group ends; each test runs in a transaction rolled back after it.
  group.setup(async () => {
    const truncate = await testUtils.db().truncate()
    gers = await gersWithShapes()
    return truncate
  })
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a report goes to the authority handling its category where the point is', async ({
    client,
    assert,
  }) => {
    const { token, citizen } = await citizenWithToken()
    const photo = await citizenMedia(citizen.id, gers.auch.id)
    const video = await citizenMedia(citizen.id, gers.auch.id, 'video')
    const created = await client
      .post('/api/v1/reports')
      .bearerToken(token)
      .json(body({ media_ids: [photo.id, video.id], anonymous: true }))
    created.assertStatus(201)
    await assertMatchesOpenApi(created)
    const data = created.body().data
    assert.equal(data.commune.code, '32013')
    assert.equal(data.status, 'submitted')
    assert.lengthOf(data.photos, 1)
    assert.match(data.photos[0].variants[0].url, /\/media\/.+\/w800\.webp$/)
    assert.isNotNull(data.video)
    assert.notProperty(data, 'citizen_id')
    const report = await Report.findOrFail(data.id)
    assert.equal(report.collectivityId, gers.auch.id)
    assert.equal(report.moderation, 'pending')

    // A departmental road goes to the département, water to the EPCI (the catalogue's levels).
    const road = await client
      .post('/api/v1/reports')
      .bearerToken(token)
      .json(body({ category: 'route_departementale' }))
    road.assertStatus(201)
    assert.equal(await handlerOf(road.body().data.id), gers.gers.id)
    const water = await client
      .post('/api/v1/reports')
      .bearerToken(token)
      .json(body({ category: 'eau_assainissement' }))
    assert.equal(await handlerOf(water.body().data.id), gers.grandAuch.id)

    // A point in Cannet's 2018 shape belongs to Riscle today.
    const riscle = await client
      .post('/api/v1/reports')
      .bearerToken(token)
      .json(body({ position: POINTS.riscle, category: 'route_departementale' }))
    riscle.assertStatus(201)
    assert.equal(riscle.body().data.commune.code, '32344')
  })

  test('the EPCI takes « dépôt sauvage » for all its communes; a commune switches a category off', async ({
    client,
    assert,
  }) => {
    const { token } = await citizenWithToken()
    await setCategory(gers.grandAuch.id, 'depot_sauvage', { handling_level: 'epci' })
    const dump = await client
      .post('/api/v1/reports')
      .bearerToken(token)
      .json(body({ category: 'depot_sauvage' }))
    dump.assertStatus(201)
    assert.equal(await handlerOf(dump.body().data.id), gers.grandAuch.id)

    await setCategory(gers.auch.id, 'mobilier_urbain', { enabled: false })
    const off = await client
      .post('/api/v1/reports')
      .bearerToken(token)
      .json(body({ category: 'mobilier_urbain' }))
    off.assertStatus(422)
    await assertMatchesOpenApi(off)
    assert.equal(off.body().errors[0].code, 'E_CATEGORY_DISABLED')
    assert.equal(off.body().errors[0].field, 'category')
  })

  test('bad input: {name}')
    .with([
      {
        name: 'outside every onboarded commune',
        input: body({ position: POINTS.outside }),
        code: 'E_OUTSIDE_TERRITORY',
      },
      {
        name: 'description over 4,000 characters',
        input: body({ description: 'x'.repeat(4001) }),
        code: 'E_DESCRIPTION_TOO_LONG',
      },
      { name: 'unknown category', input: body({ category: 'ovni' }), code: 'E_UNKNOWN_CATEGORY' },
      { name: 'no position', input: body({ position: undefined }), code: 'E_VALIDATION_ERROR' },
    ])
    .run(async ({ client, assert }, { input, code }) => {
      const { token } = await citizenWithToken()
      const response = await client.post('/api/v1/reports').bearerToken(token).json(input)
      response.assertStatus(422)
      await assertMatchesOpenApi(response)
      assert.equal(response.body().errors[0].code, code)
      assert.equal(
        await Report.query()
          .count('* as n')
          .first()
          .then((row) => Number(row!.$extras.n)),
        0
      )
    })

  test('media not the citizen’s own, or not ready, or too many: 422', async ({
    client,
    assert,
  }) => {
    const { token, citizen } = await citizenWithToken()
    const other = await citizenWithToken()
    const cases = [
      [await mediaId(other.citizen.id, gers.auch.id)],
      [await mediaId(citizen.id, gers.auch.id, 'image', 'processing')],
      [
        await mediaId(citizen.id, gers.auch.id, 'video'),
        await mediaId(citizen.id, gers.auch.id, 'video'),
      ],
      await sixPhotos(citizen.id),
      // Not ids at all: past PostgreSQL's integer, or JSON that Vine would read as a number.
      [2 ** 31],
      [true],
      ['12'],
    ]
    for (const mediaIds of cases) {
      const response = await client
        .post('/api/v1/reports')
        .bearerToken(token)
        .json(body({ media_ids: mediaIds }))
      response.assertStatus(422)
      assert.oneOf(response.body().errors[0].code, ['E_MEDIA_INVALID', 'E_VALIDATION_ERROR'])
      assert.equal(response.body().errors[0].field.split('.')[0], 'media_ids')
    }
    assert.equal(await reportCount(), 0)
  })

  test('an authority that has not opened reports refuses them; signed-out citizens get 401', async ({
    client,
    assert,
  }) => {
    const { token } = await citizenWithToken()
    const unsigned = await client.post('/api/v1/reports').json(body())
    unsigned.assertStatus(401)
    await openReports(gers.auch)
    gers.auch.modules = { ...gers.auch.modules, reports: { enabled: false, settings: {} } }
    await gers.auch.save()
    const closed = await client.post('/api/v1/reports').bearerToken(token).json(body())
    closed.assertStatus(422)
    assert.equal(closed.body().errors[0].code, 'E_REPORTS_CLOSED')
    await openReports(gers.auch)
  })

  test('bursts from one account are refused with 429', async ({ client, assert }) => {
    const { token } = await citizenWithToken()
    const statuses: number[] = []
    for (let i = 0; i <= reportSubmissionLimits.perCitizen.requests; i++) {
      const response = await client
        .post('/api/v1/reports')
        .bearerToken(token)
        .json(body({ position: POINTS.outside }))
      statuses.push(response.status())
      if (response.status() === 429) {
        await assertMatchesOpenApi(response)
        assert.isDefined(response.header('retry-after'))
      }
    }
    assert.equal(statuses.at(-1), 429)
    assert.equal(statuses.filter((status) => status === 429).length, 1)
  })

  test('bursts from one address are refused with 429, however many accounts share it', async ({
    client,
    assert,
  }) => {
    const { perAddress, perCitizen } = reportSubmissionLimits
    const perAccount = perCitizen.requests - 1
    const accounts = Math.floor(perAddress.requests / perAccount) + 1
    const tokens: string[] = []
    for (let i = 0; i < accounts; i++) {
      const { token } = await citizenWithToken()
      tokens.push(token)
    }
    const statuses: number[] = []
    for (let i = 0; i <= perAddress.requests; i++) {
      // Each account stays under its own limit: only the address's can refuse.
      const response = await client
        .post('/api/v1/reports')
        .bearerToken(tokens[Math.floor(i / perAccount)])
        .json(body({ position: POINTS.outside }))
      statuses.push(response.status())
      if (response.status() === 429) {
        await assertMatchesOpenApi(response)
        assert.isDefined(response.header('retry-after'))
      }
    }
    assert.deepEqual(statuses.slice(0, -1), Array(perAddress.requests).fill(422))
    assert.equal(statuses.at(-1), 429)
  })

  test('a burst of forged tokens spends the address’s allowance too', async ({
    client,
    assert,
  }) => {
    const { perAddress } = reportSubmissionLimits
    const { token } = await citizenWithToken()
    const forged = `${token.slice(0, token.indexOf('.') + 1)}${'A'.repeat(40)}`
    const statuses: number[] = []
    for (let i = 0; i <= perAddress.requests; i++) {
      const response = await client.post('/api/v1/reports').bearerToken(forged).json(body())
      statuses.push(response.status())
    }
    assert.deepEqual(statuses.slice(0, -1), Array(perAddress.requests).fill(401))
    assert.equal(statuses.at(-1), 429)
  })

  test('public reads: moderated only, never the reporter, GeoJSON that validates, bbox', async ({
    client,
    assert,
  }) => {
    const { token, citizen } = await citizenWithToken()
    const photo = await citizenMedia(citizen.id, gers.auch.id)
    const created = await client
      .post('/api/v1/reports')
      .bearerToken(token)
      .json(body({ media_ids: [photo.id] }))
    const id = created.body().data.id

    // Pending moderation: not public, but its reporter sees it (and in their own list).
    await client.get(`/api/v1/reports/${id}`).then((response) => response.assertStatus(404))
    const own = await client.get(`/api/v1/reports/${id}`).bearerToken(token)
    own.assertStatus(200)
    const mine = await client.get('/api/v1/me/reports').bearerToken(token)
    mine.assertStatus(200)
    await assertMatchesOpenApi(mine)
    assert.deepEqual(
      mine.body().data.map((row: { id: number }) => row.id),
      [id]
    )
    assert.equal(mine.body().data[0].moderation, 'pending')
    const empty = await client.get('/api/v1/collectivities/32013/reports')
    assert.lengthOf(empty.body().data, 0)

    await Report.query().where('id', id).update({ moderation: 'published' })
    const shown = await client.get(`/api/v1/reports/${id}`)
    shown.assertStatus(200)
    await assertMatchesOpenApi(shown)
    const text = JSON.stringify(shown.body())
    assert.notInclude(text, citizen.email)
    assert.notInclude(text, 'original')

    const geo = await client
      .get('/api/v1/collectivities/32/reports')
      .qs({ format: 'geojson', bbox: '0.5,43.6,0.7,43.7' })
    geo.assertStatus(200)
    await assertMatchesOpenApi(geo)
    assert.match(geo.header('content-type') ?? '', /application\/geo\+json/)
    const { meta, ...collection } = geo.body()
    assert.isDefined(meta)
    checkGeoJson(JSON.stringify(collection))
    assert.deepEqual(
      collection.features.map((f: { id: number }) => f.id),
      [id]
    )
    assert.deepEqual(collection.features[0].geometry.coordinates, [
      POINTS.auch.lng,
      POINTS.auch.lat,
    ])

    const elsewhere = await client
      .get('/api/v1/collectivities/32/reports')
      .qs({ format: 'geojson', bbox: '0.3,43.9,0.4,44' })
    assert.lengthOf(elsewhere.body().features, 0)
    const badBox = await client.get('/api/v1/collectivities/32/reports').qs({ bbox: '1,1,0,0' })
    badBox.assertStatus(422)
    await client
      .get('/api/v1/collectivities/00000/reports')
      .then((response) => response.assertStatus(404))
  })

  test('nearby open reports within 100 m; "me too" once per citizen; flags hide after N', async ({
    client,
    assert,
  }) => {
    const { token } = await citizenWithToken()
    const created = await client.post('/api/v1/reports').bearerToken(token).json(body())
    const id = created.body().data.id
    await Report.query().where('id', id).update({ moderation: 'published' })

    const near = await client
      .get('/api/v1/reports/nearby')
      .qs({ lat: POINTS.auch.lat + 0.0005, lng: POINTS.auch.lng, category: 'eclairage' })
    near.assertStatus(200)
    await assertMatchesOpenApi(near)
    assert.deepEqual(
      near.body().data.map((row: { id: number }) => row.id),
      [id]
    )
    assert.closeTo(near.body().data[0].distance_m, 56, 2)
    const far = await client
      .get('/api/v1/reports/nearby')
      .qs({ lat: POINTS.auch.lat + 0.002, lng: POINTS.auch.lng })
    assert.lengthOf(far.body().data, 0)
    const other = await client
      .get('/api/v1/reports/nearby')
      .qs({ lat: POINTS.auch.lat, lng: POINTS.auch.lng, category: 'voirie' })
    assert.lengthOf(other.body().data, 0)

    const supporter = await citizenWithToken()
    const first = await client.post(`/api/v1/reports/${id}/support`).bearerToken(supporter.token)
    first.assertStatus(201)
    await assertMatchesOpenApi(first)
    assert.equal(first.body().data.supports_count, 1)
    const twice = await client.post(`/api/v1/reports/${id}/support`).bearerToken(supporter.token)
    twice.assertStatus(409)

    for (let i = 1; i <= 3; i++) {
      const flagger = await citizenWithToken()
      const flagged = await client
        .post(`/api/v1/reports/${id}/flag`)
        .bearerToken(flagger.token)
        .json({ reason: 'Visage' })
      flagged.assertStatus(201)
      assert.equal(flagged.body().data.hidden, i === 3)
    }
    assert.equal(await Report.findOrFail(id).then((row) => row.moderation), 'hidden')
    await client.get(`/api/v1/reports/${id}`).then((response) => response.assertStatus(404))
  })
})
