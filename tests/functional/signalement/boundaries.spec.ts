import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import ace from '@adonisjs/core/services/ace'
import OnboardDepartement from '#kernel/territories/actions/onboard_departement'
import ImportBoundaries from '#kernel/territories/actions/import_boundaries'
import FindCommuneAt from '#kernel/territories/actions/find_commune_at'
import CollectivityImportBoundaries from '../../../commands/collectivity_import_boundaries.js'
import { COMMUNES_FILE, DEPARTEMENT_FILE, POINTS } from '#tests/fixtures/signalement/gers'

const shapeCount = () =>
  db
    .from('collectivity_boundaries')
    .count('* as n')
    .first()
    .then((row) => Number(row.n))
const communeCodeAt = (point: { lat: number; lng: number }) =>
  new FindCommuneAt().handle(point).then((commune) => commune?.code ?? null)

const square = [
  [
    [0.1, 43.1],
    [0.2, 43.1],
    [0.2, 43.2],
    [0.1, 43.1],
  ],
]
const collection = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features })
const feature = (code: unknown, geometry: unknown) => ({
  type: 'Feature',
  properties: { code },
  geometry,
})

test.group('Territories: boundaries (PostGIS)', (group) => {
  group.setup(async () => {
    const rollback = await testUtils.db().wrapInGlobalTransaction()
    await new OnboardDepartement().handle({ departement: '32' })
    return rollback
  })

  test('the Gers file: 462 shapes for 458 communes, merged codes united, EPCI from their communes', async ({
    assert,
  }) => {
    const report = await new ImportBoundaries().handle({ path: COMMUNES_FILE, level: 'commune' })
    assert.equal(report.features, 462)
    assert.equal(report.matched, 458)
    assert.sameDeepMembers(report.merged, [
      { code: '32074', into: '32344' },
      { code: '32067', into: '32365' },
      { code: '32260', into: '32365' },
      { code: '32413', into: '32365' },
    ])
    assert.deepEqual(report.unknown, [])
    assert.equal(report.written, 458)
    assert.equal(report.epcis, 17)

    // Cannet's 2018 shape now belongs to Riscle.
    assert.equal(await communeCodeAt(POINTS.riscle), '32344')
    assert.equal(await communeCodeAt(POINTS.auch), '32013')
    assert.isNull(await communeCodeAt(POINTS.outside))

    // Cap d'Astarac's shape covers its three former communes; the EPCI holds Auch.
    const { rows } = await db.rawQuery(
      `SELECT ST_GeometryType(b.shape) AS type, ST_IsValid(b.shape) AS valid,
              ST_Covers(e.shape, ST_SetSRID(ST_MakePoint(?, ?), 4326)) AS epci_holds_auch
       FROM collectivity_boundaries b, collectivity_boundaries e
       WHERE b.collectivity_id = (SELECT id FROM collectivities WHERE kind = 'commune' AND code = '32365')
         AND e.collectivity_id = (SELECT id FROM collectivities WHERE kind = 'epci' AND code = '200066926')`,
      [POINTS.auch.lng, POINTS.auch.lat]
    )
    assert.deepEqual(rows[0], { type: 'ST_MultiPolygon', valid: true, epci_holds_auch: true })

    // Idempotent: a rerun replaces the same shapes.
    const before = await shapeCount()
    const again = await new ImportBoundaries().handle({ path: COMMUNES_FILE, level: 'commune' })
    assert.equal(again.written, 458)
    assert.equal(await shapeCount(), before)
  })

  test('routing reads the communes’ shapes cut into small parts, kept in step with each import', async ({
    assert,
  }) => {
    const parts = () =>
      db
        .rawQuery(
          `SELECT count(*)::int AS n, count(DISTINCT p.collectivity_id)::int AS communes,
                  max(ST_NPoints(p.part))::int AS vertices,
                  bool_and(c.kind = 'commune') AS communes_only,
                  (SELECT abs(sum(ST_Area(q.part)) / ST_Area(b.shape) - 1) < 1e-9 FROM commune_boundary_parts q
                   JOIN collectivity_boundaries b ON b.collectivity_id = q.collectivity_id
                   WHERE q.collectivity_id = (SELECT id FROM collectivities WHERE kind = 'commune' AND code = '32013')
                   GROUP BY b.shape) AS auch_whole
           FROM commune_boundary_parts p JOIN collectivities c ON c.id = p.collectivity_id`
        )
        .then(({ rows }) => rows[0])
    await new ImportBoundaries().handle({ path: COMMUNES_FILE, level: 'commune' })
    const first = await parts()
    assert.equal(first.communes, 458)
    assert.isAbove(first.n, 458)
    // ST_Subdivide's limit (64) plus the closing vertex of each ring
    assert.isAtMost(first.vertices, 65)
    assert.isTrue(first.communes_only)
    assert.isTrue(first.auch_whole)

    await new ImportBoundaries().handle({ path: COMMUNES_FILE, level: 'commune' })
    assert.deepEqual(await parts(), first)
    assert.equal(await communeCodeAt(POINTS.condom), '32107')
  })

  test('the département file (a single Feature) at --level=departement', async ({ assert }) => {
    const report = await new ImportBoundaries().handle({
      path: DEPARTEMENT_FILE,
      level: 'departement',
    })
    assert.equal(report.matched, 1)
    assert.equal(report.written, 1)
    const { rows } = await db.rawQuery(
      `SELECT ST_Covers(b.shape, ST_SetSRID(ST_MakePoint(?, ?), 4326)) AS holds
       FROM collectivity_boundaries b JOIN collectivities c ON c.id = b.collectivity_id
       WHERE c.kind = 'departement' AND c.code = '32'`,
      [POINTS.condom.lng, POINTS.condom.lat]
    )
    assert.isTrue(rows[0].holds)
  })

  test('unknown codes are reported, not written', async ({ assert }) => {
    const report = await new ImportBoundaries().handle({
      text: collection([feature('99999', { type: 'Polygon', coordinates: square })]),
      level: 'commune',
    })
    assert.deepEqual(report.unknown, ['99999'])
    assert.equal(report.written, 0)
  })

  test('refused with the feature index, nothing half-written: {name}')
    .with([
      { name: 'not JSON', text: 'code;geometry\n32013;…', message: /pas du GeoJSON/ },
      {
        name: 'not a collection',
        text: JSON.stringify({ type: 'Point', coordinates: [0, 0] }),
        message: /FeatureCollection est attendue/,
      },
      {
        name: 'no code',
        text: collection([
          feature('32013', { type: 'Polygon', coordinates: square }),
          feature(undefined, { type: 'Polygon', coordinates: square }),
        ]),
        message: /Élément n° 1 : pas de code officiel/,
      },
      {
        name: 'a line',
        text: collection([
          feature('32013', { type: 'Polygon', coordinates: square }),
          feature('32107', { type: 'Polygon', coordinates: square }),
          feature('32344', {
            type: 'LineString',
            coordinates: [
              [0.1, 43.1],
              [0.2, 43.2],
            ],
          }),
        ]),
        message: /Élément n° 2 \(code 32344\) : géométrie « LineString »/,
      },
    ])
    .run(async ({ assert }, { text, message }) => {
      const before = await shapeCount()
      try {
        await new ImportBoundaries().handle({ text, level: 'commune' })
        assert.fail('the file should be refused')
      } catch (error) {
        assert.match((error as Error).message, message)
        assert.equal((error as { status?: number }).status, 422)
      }
      assert.equal(await shapeCount(), before)
    })

  test('the command prints the report and fails on a bad file', async ({ assert }) => {
    const command = await ace.create(CollectivityImportBoundaries, [
      DEPARTEMENT_FILE,
      '--level=departement',
    ])
    command.ui.switchMode('raw')
    await command.exec()
    command.assertSucceeded()
    assert.isTrue(
      command.logger.getLogs().some((log) => /1 contours lus : 1 reconnus/.test(log.message))
    )

    const bad = await ace.create(CollectivityImportBoundaries, [DEPARTEMENT_FILE, '--level=canton'])
    bad.ui.switchMode('raw')
    await bad.exec()
    bad.assertFailed()
  })
})
