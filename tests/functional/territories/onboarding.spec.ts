import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { loadCogData } from '#kernel/territories/cog/cog'
import OnboardDepartement from '#kernel/territories/actions/onboard_departement'
import OnboardCommune from '#kernel/territories/actions/onboard_commune'
import OnboardEpci from '#kernel/territories/actions/onboard_epci'
import Collectivity from '#kernel/territories/models/collectivity'
import SetFeatures from '#kernel/modules/actions/set_features'
import { coreFeatureKeys } from '#kernel/modules/registry'

/** What onboarding the Gers must write, computed straight from the COG files. */
async function expectedGers() {
  const data = await loadCogData()
  const current = new Map(
    data.communes
      .filter((record) => record.type === 'commune-actuelle')
      .map((record) => [record.code, record])
  )
  const gers = [...current.values()].filter((record) => record.departement === '32')
  const gersCodes = new Set(gers.map((record) => record.code))
  const epcis = data.epcis.filter((epci) =>
    epci.membres.some((member) => gersCodes.has(member.code))
  )
  const communes = new Set([
    ...gersCodes,
    ...epcis.flatMap((epci) => epci.membres.map((member) => member.code)),
  ])
  const departements = new Set([...communes].map((code) => current.get(code)!.departement))
  const aliases = data.communes.filter(
    (record) =>
      (record.type === 'commune-deleguee' || record.type === 'commune-associee') &&
      communes.has(record.chefLieu!)
  )
  return { gers, epcis, communes, departements, aliases }
}

async function countRows(table: string) {
  const [row] = await db.from(table).count('* as total')
  return Number(row.total)
}

test.group('Territories / onboarding', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('onboards the Gers: département, its EPCI and communes, linked', async ({ assert }) => {
    const expected = await expectedGers()
    const summary = await new OnboardDepartement().handle({ departement: '32' })

    assert.deepEqual(summary.onboarded, {
      departement: 1,
      epci: expected.epcis.length,
      commune: expected.gers.length,
    })
    assert.equal(summary.commune.created, expected.communes.size)
    assert.equal(summary.epci.created, expected.epcis.length)
    assert.equal(summary.departement.created, expected.departements.size)
    assert.equal(summary.alias.created, expected.aliases.length)

    const gers = await Collectivity.findByOrFail({ kind: 'departement', code: '32' })
    assert.equal(gers.status, 'onboarded')
    assert.equal(gers.slug, 'departement-gers-32')
    const onboardedCommunes = await Collectivity.query()
      .where({ kind: 'commune', status: 'onboarded', departementId: gers.id })
      .count('* as total')
    assert.equal(Number(onboardedCommunes[0].$extras.total), expected.gers.length)

    const auch = await Collectivity.findByOrFail({ kind: 'commune', code: '32013' })
    const auchEpci = expected.epcis.find((epci) =>
      epci.membres.some((member) => member.code === '32013')
    )!
    const epci = await Collectivity.findByOrFail({ kind: 'epci', code: auchEpci.code })
    assert.equal(auch.epciId, epci.id)
    assert.equal(auch.departementId, gers.id)
    assert.equal(epci.departementId, gers.id)
    assert.deepEqual(auch.postalCodes, ['32000'])
    assert.isTrue(coreFeatureKeys().every((key) => auch.isModuleEnabled(key)))

    // An EPCI straddling the Landes and the Gers: onboarded, linked to both départements.
    const aire = await Collectivity.findByOrFail({ kind: 'epci', code: '200030435' })
    assert.equal(aire.status, 'onboarded')
    const links = await db
      .from('epci_departements')
      .join('collectivities', 'collectivities.id', 'epci_departements.departement_id')
      .where('epci_departements.epci_id', aire.id)
      .select('collectivities.code', 'collectivities.status')
    assert.sameDeepMembers(links, [
      { code: '40', status: 'listed' },
      { code: '32', status: 'onboarded' },
    ])
  })

  test('core features are in the state SetFeatures gives', async ({ assert }) => {
    await new OnboardCommune().handle({ insee: '32013' })
    const auch = await Collectivity.findByOrFail({ kind: 'commune', code: '32013' })
    const before = structuredClone(auch.modules)
    await new SetFeatures().handle(auch, {})
    assert.deepEqual(auch.modules, before)
  })

  test('a rerun changes nothing and duplicates nothing', async ({ assert }) => {
    const first = await new OnboardDepartement().handle({ departement: '32' })
    const rows = await countRows('collectivities')
    const aliases = await countRows('collectivity_aliases')
    const links = await countRows('epci_departements')

    const second = await new OnboardDepartement().handle({ departement: '32' })
    for (const kind of ['departement', 'epci', 'commune', 'alias'] as const) {
      const total = first[kind].created
      assert.deepInclude(second[kind], { created: 0, updated: 0, unchanged: total }, kind)
    }
    assert.equal(await countRows('collectivities'), rows)
    assert.equal(await countRows('collectivity_aliases'), aliases)
    assert.equal(await countRows('epci_departements'), links)
  })

  test('a change is detected and repaired as updated', async ({ assert }) => {
    await new OnboardDepartement().handle({ departement: '32' })
    await db
      .from('collectivities')
      .where({ kind: 'commune', code: '32013' })
      .update({
        name: 'Auch (ancien nom)',
        population: 1,
        postal_codes: db.raw(`'{32999}'::text[]`),
        epci_id: null,
      })
    const stale = await Collectivity.findByOrFail({ kind: 'commune', code: '32013' })
    await db.table('collectivity_aliases').insert({
      collectivity_id: stale.id,
      kind: 'commune-deleguee',
      code: '32999',
      name: 'Disparue',
      search_name: 'disparue',
    })

    const summary = await new OnboardDepartement().handle({ departement: '32' })
    assert.equal(summary.commune.updated, 1)
    assert.equal(summary.alias.removed, 1)
    const auch = await Collectivity.findByOrFail({ kind: 'commune', code: '32013' })
    assert.equal(auch.name, 'Auch')
    assert.deepEqual(auch.postalCodes, ['32000'])
    assert.isNotNull(auch.epciId)
    assert.equal(auch.slug, 'commune-auch-32013')
  })

  test('an unknown code writes nothing', async ({ assert }) => {
    for (const attempt of [
      () => new OnboardDepartement().handle({ departement: '00' }),
      () => new OnboardEpci().handle({ siren: '999999999' }),
      () => new OnboardCommune().handle({ insee: '32999' }),
    ]) {
      try {
        await attempt()
        assert.fail('should have thrown')
      } catch (error) {
        assert.equal((error as { code: string }).code, 'E_UNKNOWN_CODE')
      }
    }
    assert.equal(await countRows('collectivities'), 0)
  })

  test('a commune brings its EPCI and département as listed', async ({ assert }) => {
    const summary = await new OnboardCommune().handle({ insee: '2A004' })
    assert.deepEqual(summary.onboarded, { departement: 0, epci: 0, commune: 1 })
    const ajaccio = await Collectivity.findByOrFail({ kind: 'commune', code: '2A004' })
    await ajaccio.load('departement')
    await ajaccio.load('epci')
    assert.equal(ajaccio.status, 'onboarded')
    assert.equal(ajaccio.departement.code, '2A')
    assert.equal(ajaccio.departement.status, 'listed')
    assert.equal(ajaccio.epci.status, 'listed')
    assert.deepEqual(ajaccio.epci.modules, {}, 'a listed authority has no features')

    // Onboarding its département later upgrades the parent, never downgrades the commune.
    await new OnboardDepartement().handle({ departement: '2a' })
    await ajaccio.refresh()
    await ajaccio.load('departement')
    assert.equal(ajaccio.departement.status, 'onboarded')
    await new OnboardEpci().handle({ siren: ajaccio.epci.code })
    await ajaccio.refresh()
    assert.equal(ajaccio.status, 'onboarded')
  })

  test('an overseas EPCI onboards with its communes listed', async ({ assert }) => {
    const index = await import('#kernel/territories/cog/territory_index').then((m) =>
      m.territoryIndex()
    )
    const saintDenisEpci = index.communes.get('97411')!.epci!
    const summary = await new OnboardEpci().handle({ siren: saintDenisEpci })
    assert.equal(summary.onboarded.epci, 1)
    assert.equal(summary.commune.created, index.epcis.get(saintDenisEpci)!.memberCodes.length)
    const saintDenis = await Collectivity.findByOrFail({ kind: 'commune', code: '97411' })
    assert.equal(saintDenis.status, 'listed')
  })
})
