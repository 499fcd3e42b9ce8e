import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import OnboardDepartement from '#kernel/territories/actions/onboard_departement'
import OnboardCommune from '#kernel/territories/actions/onboard_commune'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'

interface Result {
  kind: string
  code: string
  name: string
  matched_alias: { kind: string; code: string; name: string } | null
}

test.group('Territories / citizen API', (group) => {
  group.each.setup(async () => {
    const rollback = await testUtils.db().wrapInGlobalTransaction()
    await new OnboardDepartement().handle({ departement: '32' })
    await new OnboardCommune().handle({ insee: '69123' })
    return rollback
  })

  test('finds a commune by name whatever the case, accents, hyphens or "St"', async ({
    client,
    assert,
  }) => {
    for (const q of ["L'Isle-Jourdain", 'l isle jourdain', 'LISLE JOURDAIN', 'isle-jourd']) {
      const response = await client.get('/api/v1/collectivities').qs({ q })
      response.assertStatus(200)
      await assertMatchesOpenApi(response)
      assert.equal((response.body().data as Result[])[0]?.code, '32160', q)
    }
    const saint = await client.get('/api/v1/collectivities').qs({ q: 'St-Jean-Poutge' })
    assert.equal(saint.body().data[0].name, 'Saint-Jean-Poutge')
    const accents = await client.get('/api/v1/collectivities').qs({ q: 'eauze' })
    assert.equal(accents.body().data[0].name, 'Eauze')
    const typo = await client.get('/api/v1/collectivities').qs({ q: 'condon' })
    assert.include(
      (typo.body().data as Result[]).map((row) => row.name),
      'Condom'
    )
  })

  test('ranks the exact name first, then prefixes, then by population', async ({
    client,
    assert,
  }) => {
    const response = await client.get('/api/v1/collectivities').qs({ q: 'auch' })
    const results = response.body().data as Result[]
    assert.equal(results[0].code, '32013')
    assert.isAtMost(results.length, 20)
    const response2 = await client.get('/api/v1/collectivities').qs({ q: 'saint' })
    assert.lengthOf(response2.body().data, 20)
  })

  test('finds by postal code and by official code', async ({ client, assert }) => {
    const postal = await client.get('/api/v1/collectivities').qs({ q: '32000' })
    assert.equal(postal.body().data[0].code, '32013')
    const insee = await client.get('/api/v1/collectivities').qs({ q: '32013' })
    assert.equal(insee.body().data[0].name, 'Auch')
    const departement = await client.get('/api/v1/collectivities').qs({ q: '32' })
    assert.equal(departement.body().data[0].kind, 'departement')
    assert.match(String(postal.header('cache-control')), /public/)
  })

  test('a commune déléguée or an arrondissement leads to its commune', async ({
    client,
    assert,
  }) => {
    const deleguee = await client.get('/api/v1/collectivities').qs({ q: 'cabas loumasses' })
    await assertMatchesOpenApi(deleguee)
    const first = deleguee.body().data[0] as Result
    assert.equal(first.code, '32365')
    assert.deepEqual(first.matched_alias, {
      kind: 'commune-deleguee',
      code: '32067',
      name: 'Cabas-Loumassès',
    })

    const arrondissement = await client.get('/api/v1/collectivities').qs({ q: 'Lyon 3e' })
    assert.equal(arrondissement.body().data[0].code, '69123')
    assert.equal(arrondissement.body().data[0].matched_alias.kind, 'arrondissement-municipal')
    const byPostal = await client.get('/api/v1/collectivities').qs({ q: '69003' })
    assert.equal(byPostal.body().data[0].code, '69123')
  })

  test('filters by kind', async ({ client, assert }) => {
    const response = await client
      .get('/api/v1/collectivities')
      .qs({ q: 'gers', kind: 'departement' })
    const results = response.body().data as Result[]
    assert.isAbove(results.length, 0)
    assert.isTrue(results.every((row) => row.kind === 'departement'))
    const epci = await client.get('/api/v1/collectivities').qs({ q: 'grand auch', kind: 'epci' })
    assert.equal(epci.body().data[0].code, '200066926')
    const noAlias = await client
      .get('/api/v1/collectivities')
      .qs({ q: 'cabas loumasses', kind: 'epci' })
    assert.isTrue((noAlias.body().data as Result[]).every((row) => row.kind === 'epci'))
  })

  test('refuses bad input with 422 and the JSON error format', async ({ client, assert }) => {
    const cases = [
      { qs: { q: 'a'.repeat(101) }, field: 'q' },
      { qs: {}, field: 'q' },
      { qs: { q: 'auch', kind: 'ville' }, field: 'kind' },
      { qs: { 'q[]': 'auch' }, field: 'q' },
    ]
    for (const { qs, field } of cases) {
      const response = await client.get('/api/v1/collectivities').qs(qs)
      response.assertStatus(422)
      await assertMatchesOpenApi(response)
      assert.equal(response.body().errors[0].field, field)
    }
    const punctuation = await client.get('/api/v1/collectivities').qs({ q: "--''" })
    punctuation.assertStatus(200)
    assert.deepEqual(punctuation.body().data, [])
  })

  test('shows a commune, an EPCI and a département by code', async ({ client, assert }) => {
    const commune = await client.get('/api/v1/collectivities/32013')
    commune.assertStatus(200)
    await assertMatchesOpenApi(commune)
    assert.equal(commune.body().data.epci.code, '200066926')
    assert.equal(commune.body().data.departement.code, '32')
    assert.includeMembers(
      commune.body().data.features.map((feature: { key: string }) => feature.key),
      ['news', 'agenda', 'contacts']
    )

    const epci = await client.get('/api/v1/collectivities/200030435')
    await assertMatchesOpenApi(epci)
    assert.deepEqual(
      epci.body().data.departements.map((row: { code: string }) => row.code),
      ['40', '32']
    )
    assert.isAbove(epci.body().data.communes_count, 1)

    const departement = await client.get('/api/v1/collectivities/32')
    await assertMatchesOpenApi(departement)
    assert.equal(departement.body().data.communes_count, 458)
  })

  test('an unknown code is a 404 in the JSON error format', async ({ client, assert }) => {
    for (const code of ['99999', '2C001', 'abc', '1234567890']) {
      const response = await client.get(`/api/v1/collectivities/${code}`)
      response.assertStatus(404)
      await assertMatchesOpenApi(response)
      assert.equal(response.body().errors[0].code, 'E_COLLECTIVITY_NOT_FOUND')
    }
  })
})
