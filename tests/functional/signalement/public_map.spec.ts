/*
| The public map's GeoJSON is serialised by PostgreSQL (PUBLIC_MAP_SQL, ADR 0029): held here to
| what the shared transformer (`publicReportFeature`) makes of the very rows of
| PUBLIC_REPORTS_SQL, feature for feature, and to an exact keyset across pages.
*/
import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import { check as checkGeoJson } from '@placemarkio/check-geojson'
import { createCitizen } from '#tests/helpers/citizens'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { citizenMedia, withGersPerGroup, POINTS, type Gers } from '#tests/fixtures/signalement/gers'
import { positional, PUBLIC_REPORTS_SQL } from '#signalement/support/public_reports_sql'
import { publicReportFeature } from '#signalement/transformers/report_json'

const BASE = new Date('2026-03-14T09:26:53.589Z').getTime()

/** Published reports in Auch and Condom with every optional part both present and absent. */
async function varietyOfReports(gers: Gers, count: number) {
  const citizen = await createCitizen()
  const statuses = ['submitted', 'acknowledged', 'in_progress', 'resolved', 'rejected']
  const categories = ['voirie', 'eclairage', 'proprete', 'depot_sauvage', 'signalisation']
  const ids: number[] = []
  for (let n = 0; n < count; n++) {
    const commune = n % 3 === 0 ? gers.condom : gers.auch
    const point = n % 3 === 0 ? POINTS.condom : POINTS.auch
    // Microseconds on purpose, and pairs sharing one millisecond: the cursor must stay exact.
    const created = `${new Date(BASE - Math.floor(n / 2) * 3_600_000).toISOString().slice(0, 23)}${String(100 + (n % 2) * 700).padStart(3, '0')}Z`
    const [row] = await db
      .table('signalement_reports')
      .insert({
        collectivity_id: commune.id,
        commune_id: commune.id,
        category_code: categories[n % categories.length],
        description: `Signalement n° ${n} « guillemets », "doubles", \\ et saut\nde ligne`,
        lat: point.lat + n * 0.000_013_7,
        lng: point.lng - n * 0.000_021_3,
        address: n % 2 ? `${n} rue de la République` : null,
        source: 'app',
        anonymous: false,
        status: statuses[n % statuses.length],
        moderation: n % 7 === 6 ? 'pending' : 'published',
        public_message: n % 4 === 1 ? 'Équipe prévenue' : null,
        supports_count: n,
        flags_count: 0,
        overdue: false,
        created_at: created,
        updated_at: created,
        acknowledged_at: n % 5 >= 1 ? '2026-03-15T10:11:12.345678Z' : null,
        resolved_at: n % 5 === 3 ? '2026-03-16T00:00:00Z' : null,
      })
      .returning('id')
    ids.push(row.id)
    if (n % 4 === 0) {
      const photos = [
        await citizenMedia(citizen.id, commune.id),
        await citizenMedia(citizen.id, commune.id),
        await citizenMedia(citizen.id, commune.id, 'image', 'processing'),
        await citizenMedia(citizen.id, commune.id, 'video'),
        await citizenMedia(citizen.id, commune.id),
      ]
      await db.table('signalement_report_media').multiInsert(
        // Positions out of id order, one photo hidden by a moderator.
        photos.map((media, index) => ({
          report_id: row.id,
          media_id: media.id,
          position: (index * 3) % 5,
          hidden_at: index === 4 ? new Date() : null,
        }))
      )
    }
  }
  return ids
}

/** What the transformer makes of PUBLIC_REPORTS_SQL's rows: the reference for every feature. */
async function expectedFeatures(
  territoryId: number,
  bbox: number[] | null
): Promise<Array<ReturnType<typeof publicReportFeature>>> {
  const { rows } = await db.rawQuery(
    ...positional(PUBLIC_REPORTS_SQL, [
      territoryId,
      ...(bbox ?? [null, null, null, null]),
      null,
      null,
      100,
    ])
  )
  return rows.map(publicReportFeature)
}

test.group('Signalement: the public map in GeoJSON, serialised by PostgreSQL', (group) => {
  const gersOf = withGersPerGroup(group)

  test('every feature is what the shared transformer makes of the same row', async ({
    client,
    assert,
  }) => {
    await varietyOfReports(gersOf(), 30)
    for (const [code, territory, bbox] of [
      ['32', gersOf().gers, null],
      ['32013', gersOf().auch, null],
      ['200066926', gersOf().grandAuch, null],
      ['32', gersOf().gers, [0.5, 43.6, 0.7, 43.7]],
    ] as const) {
      const response = await client
        .get(`/api/v1/collectivities/${code}/reports`)
        .qs({ format: 'geojson', limit: 100, ...(bbox ? { bbox: bbox.join(',') } : {}) })
      response.assertStatus(200)
      await assertMatchesOpenApi(response)
      assert.match(response.header('content-type') ?? '', /^application\/geo\+json; charset=utf-8/)
      const { meta, ...collection } = response.body()
      checkGeoJson(JSON.stringify(collection))
      assert.deepEqual(meta, { next_cursor: null, limit: 100 })
      const expected = await expectedFeatures(territory.id, bbox ? [...bbox] : null)
      assert.isAbove(expected.length, 0)
      // Key order too: the text PostgreSQL writes is the text JSON.stringify would have written.
      assert.equal(
        JSON.stringify(collection),
        JSON.stringify({ type: 'FeatureCollection', features: expected })
      )
    }
    const features = await expectedFeatures(gersOf().gers.id, null)
    const somePhotos = features.find((feature) => feature.properties.photos.length > 0)
    assert.lengthOf(somePhotos!.properties.photos, 2)
    assert.isNotNull(somePhotos!.properties.video)
  })

  test('pages follow each other without a gap or a repeat, to the microsecond', async ({
    client,
    assert,
  }) => {
    await varietyOfReports(gersOf(), 12)
    const expected = await expectedFeatures(gersOf().gers.id, null)
    const all = expected.map((feature) => feature.id)
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const response: ApiResponse = await client
        .get('/api/v1/collectivities/32/reports')
        .qs({ format: 'geojson', limit: 3, ...(cursor ? { cursor } : {}) })
      response.assertStatus(200)
      await assertMatchesOpenApi(response)
      seen.push(...response.body().features.map((feature: { id: number }) => feature.id))
      const next: string | null = response.body().meta.next_cursor
      cursor = next
    } while (cursor)
    assert.deepEqual(seen, all)
    assert.lengthOf(all, 11)
  })

  test('an empty box, an unknown territory and a forged cursor', async ({ client, assert }) => {
    await varietyOfReports(gersOf(), 3)
    const empty = await client
      .get('/api/v1/collectivities/32/reports')
      .qs({ format: 'geojson', bbox: '0.3,43.5,0.31,43.51' })
    empty.assertStatus(200)
    assert.deepEqual(empty.body(), {
      type: 'FeatureCollection',
      features: [],
      meta: { next_cursor: null, limit: 20 },
    })
    const unknown = await client
      .get('/api/v1/collectivities/00000/reports')
      .qs({ format: 'geojson' })
    unknown.assertStatus(404)
    await assertMatchesOpenApi(unknown)
    assert.equal(unknown.body().errors[0].code, 'E_COLLECTIVITY_NOT_FOUND')
    const forged = await client.get('/api/v1/collectivities/32/reports').qs({
      format: 'geojson',
      cursor: Buffer.from('["signalement.map","hier",1]').toString('base64url'),
    })
    forged.assertStatus(400)
    assert.equal(forged.body().errors[0].code, 'E_INVALID_CURSOR')
  })
})
