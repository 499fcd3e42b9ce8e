import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import OnboardDepartement from '#kernel/territories/actions/onboard_departement'
import ImportBoundaries from '#kernel/territories/actions/import_boundaries'
import { NEAR_LIMIT } from '#kernel/territories/actions/find_communes_near'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { COMMUNES_FILE, POINTS } from '#tests/fixtures/signalement/gers'

interface NearResult {
  code: string
  name: string
  kind: string
  distance_m: number
}

/** "Near me" of the commune chooser: GET /api/v1/collectivities?near=lat,lng on the Gers shapes. */
test.group('Territories / near me', (group) => {
  group.setup(async () => {
    const rollback = await testUtils.db().wrapInGlobalTransaction()
    await new OnboardDepartement().handle({ departement: '32' })
    await new ImportBoundaries().handle({ path: COMMUNES_FILE, level: 'commune' })
    return rollback
  })

  test('the commune holding the point comes first, then its nearest neighbours', async ({
    client,
    assert,
  }) => {
    const response = await client
      .get('/api/v1/collectivities')
      .qs({ near: `${POINTS.auch.lat},${POINTS.auch.lng}` })
    response.assertStatus(200)
    await assertMatchesOpenApi(response)
    const rows = response.body().data as NearResult[]
    assert.lengthOf(rows, NEAR_LIMIT)
    assert.deepInclude(rows[0], { code: '32013', name: 'Auch', kind: 'commune', distance_m: 0 })
    const distances = rows.slice(1).map((row) => row.distance_m)
    assert.isTrue(distances.every((distance) => distance > 0))
    assert.deepEqual(
      distances,
      [...distances].sort((a, b) => a - b)
    )
    assert.equal(response.header('cache-control'), 'public, max-age=3600')

    const condom = await client
      .get('/api/v1/collectivities')
      .qs({ near: `${POINTS.condom.lat},${POINTS.condom.lng}`, kind: 'commune' })
    assert.equal(condom.body().data[0].code, '32107')
    // Cannet's 2018 shape is Riscle's today: the merged commune answers.
    const riscle = await client
      .get('/api/v1/collectivities')
      .qs({ near: `${POINTS.riscle.lat},${POINTS.riscle.lng}` })
    assert.equal(riscle.body().data[0].code, '32344')
  })

  test('in France but far from any known shape: an empty list', async ({ client, assert }) => {
    const response = await client.get('/api/v1/collectivities').qs({ near: '48.8566,2.3522' })
    response.assertStatus(200)
    await assertMatchesOpenApi(response)
    assert.deepEqual(response.body().data, [])
  })

  test('bad positions are refused in French on the near field', async ({ client, assert }) => {
    const cases = [
      { qs: { near: 'Auch' }, code: 'E_VALIDATION_ERROR' },
      { qs: { near: '43.6' }, code: 'E_VALIDATION_ERROR' },
      { qs: { near: '43.6,0.58,12' }, code: 'E_VALIDATION_ERROR' },
      { qs: { near: '0.5857,43.6459' }, code: 'E_OUTSIDE_FRANCE' },
      { qs: { near: '999,999' }, code: 'E_OUTSIDE_FRANCE' },
      { qs: { 'near[]': '43.6,0.58' }, code: 'E_VALIDATION_ERROR' },
      { qs: { near: '43.6,0.58', q: 'auch' }, code: 'E_NEAR_WITH_QUERY' },
      { qs: { near: '43.6,0.58', kind: 'epci' }, code: 'E_NEAR_WITH_QUERY' },
    ]
    for (const { qs, code } of cases) {
      const response = await client.get('/api/v1/collectivities').qs(qs)
      response.assertStatus(422)
      await assertMatchesOpenApi(response)
      assert.equal(response.body().errors[0].field, 'near', JSON.stringify(qs))
      assert.equal(response.body().errors[0].code, code, JSON.stringify(qs))
    }
    const swapped = await client.get('/api/v1/collectivities').qs({ near: '0.5857,43.6459' })
    assert.include(swapped.body().errors[0].message, 'inversées')
  })
})
