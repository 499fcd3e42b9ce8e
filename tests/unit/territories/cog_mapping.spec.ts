import { test } from '@japa/runner'
import { loadCogData } from '#kernel/territories/cog/cog'
import { territoryIndex } from '#kernel/territories/cog/territory_index'
import { planOnboarding } from '#kernel/territories/cog/plan'

test.group('Territories / COG mapping', () => {
  test('only current communes are communes; arrondissements are not', async ({ assert }) => {
    const data = await loadCogData()
    const index = await territoryIndex()
    const current = data.communes.filter((record) => record.type === 'commune-actuelle')
    assert.equal(index.communes.size, current.length)
    const arrondissement = data.communes.find(
      (record) => record.type === 'arrondissement-municipal'
    )!
    assert.isFalse(
      index.communes.has(arrondissement.code) && arrondissement.code !== arrondissement.commune
    )
    assert.isUndefined(index.communes.get('13201'), 'Marseille 1er is not a commune')
    assert.equal(index.communes.get('13055')?.name, 'Marseille')
  })

  test('communes déléguées, associées and arrondissements are aliases of their commune', async ({
    assert,
  }) => {
    const data = await loadCogData()
    const index = await territoryIndex()
    const deleguee = data.communes.find(
      (record) => record.type === 'commune-deleguee' && record.chefLieu !== record.code
    )!
    const aliases = index.aliasesByCommune.get(deleguee.chefLieu!) ?? []
    assert.deepInclude(
      aliases.map((alias) => ({ kind: alias.kind, code: alias.code })),
      { kind: 'commune-deleguee', code: deleguee.code }
    )
    const associee = data.communes.find((record) => record.type === 'commune-associee')!
    assert.isTrue(
      (index.aliasesByCommune.get(associee.chefLieu!) ?? []).some(
        (alias) => alias.code === associee.code
      )
    )
    const lyon3 = (index.aliasesByCommune.get('69123') ?? []).find(
      (alias) => alias.code === '69383'
    )
    assert.equal(lyon3?.kind, 'arrondissement-municipal')
    assert.deepEqual(lyon3?.postalCodes, ['69003'])
  })

  test('Corsica and overseas départements have their communes', async ({ assert }) => {
    const index = await territoryIndex()
    assert.equal(index.communes.get('2A004')?.departement, '2A')
    assert.equal(index.communes.get('2B033')?.departement, '2B')
    assert.equal(index.communes.get('97411')?.departement, '974')
    assert.isAbove(index.departements.get('976')!.communeCodes.length, 0)
    const codes = index.frenchDepartementCodes()
    assert.lengthOf(codes, 101)
    assert.includeMembers(codes, ['2A', '2B', '971', '972', '973', '974', '976'])
    assert.notInclude(codes, '975', 'Saint-Pierre-et-Miquelon is a COM, not a département')
  })

  test('an EPCI straddling départements lists them all, the most populated first', async ({
    assert,
  }) => {
    const data = await loadCogData()
    const index = await territoryIndex()
    // Computed from the data: the first EPCI whose members lie in two départements or more.
    const populationOf = new Map(data.communes.map((record) => [record.code, record]))
    const straddling = data.epcis.find(
      (epci) =>
        new Set(epci.membres.map((member) => populationOf.get(member.code)!.departement)).size > 1
    )!
    const byDepartement = new Map<string, number>()
    for (const member of straddling.membres) {
      const commune = populationOf.get(member.code)!
      byDepartement.set(
        commune.departement,
        (byDepartement.get(commune.departement) ?? 0) + (commune.population ?? 0)
      )
    }
    const expectedMain = [...byDepartement.entries()].sort((a, b) => b[1] - a[1])[0][0]
    const entry = index.epcis.get(straddling.code)!
    assert.sameMembers(entry.departements, [...byDepartement.keys()])
    assert.equal(entry.departements[0], expectedMain)
    // The CC d'Aire-sur-l'Adour straddles the Landes and the Gers.
    assert.sameMembers(index.epcis.get('200030435')!.departements, ['40', '32'])
  })

  test('a plan is closed: members and parents come along as listed', async ({ assert }) => {
    const index = await territoryIndex()
    const plan = planOnboarding(index, { communes: ['32013'] })
    const auch = plan.communes.find((row) => row.code === '32013')!
    assert.equal(auch.status, 'onboarded')
    assert.equal(auch.slug, 'commune-auch-32013')
    assert.equal(auch.searchName, 'auch')
    const epci = plan.epcis.find((row) => row.code === auch.epciCode)!
    assert.equal(epci.status, 'listed')
    assert.equal(plan.communes.length, index.epcis.get(epci.code)!.memberCodes.length)
    assert.deepEqual(
      plan.departements.map((row) => [row.code, row.status, row.slug]),
      [['32', 'listed', 'departement-gers-32']]
    )
  })

  test('an unknown code is refused with E_UNKNOWN_CODE', async ({ assert }) => {
    const index = await territoryIndex()
    assert.throws(() => planOnboarding(index, { departements: ['00'] }), /Code inconnu/)
    try {
      planOnboarding(index, { epcis: ['123456789'] })
      assert.fail('should have thrown')
    } catch (error) {
      assert.equal((error as { code: string }).code, 'E_UNKNOWN_CODE')
    }
  })
})
