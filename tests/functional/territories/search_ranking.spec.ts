import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import OnboardDepartement from '#kernel/territories/actions/onboard_departement'
import OnboardCommune from '#kernel/territories/actions/onboard_commune'
import SearchCollectivities from '#kernel/territories/actions/search_collectivities'
import type { CollectivitySearchRow } from '#kernel/territories/queries/search_collectivities_sql'
import { makeCollectivity } from '../tenancy/fixtures.js'

/**
 * The search cuts each way of matching to the limit and skips the later ways once enough are
 * found. Neither may change the answer: the first N results must be the first N of a search
 * whose limit is too large for any cut or skip to happen (ties in name and population aside).
 */
test.group('Territories / search ranking under cuts and stages', (group) => {
  group.each.setup(async () => {
    const rollback = await testUtils.db().wrapInGlobalTransaction()
    await new OnboardDepartement().handle({ departement: '32' })
    await new OnboardCommune().handle({ insee: '69123' })
    return rollback
  })

  const entry = (row: CollectivitySearchRow) =>
    `${row.name}/${row.population}/${row.alias_name ?? ''}`
  const entries = (rows: CollectivitySearchRow[]) => rows.map(entry)

  test('the first N of a small limit are the first N of an uncut search', async ({ assert }) => {
    const search = new SearchCollectivities()
    const queries = [
      'saint',
      'st',
      'sa',
      'a',
      'l',
      'la',
      'mont',
      'cast',
      'lectoure',
      'condon',
      'lyon',
      'lyon 3',
      '69003',
      '32',
      '32000',
      'saint jean',
      'aux',
      'b',
      'isle',
    ]
    // Prefixes of the aliases' names: an authority whose own name and an alias both start with
    // the query, where the own name ranks below the cut, must still be shown by its own name.
    const aliases = await db.from('collectivity_aliases').select('search_name')
    const aliasPrefixes = aliases.map((alias) =>
      String(alias.search_name).slice(0, Math.ceil(alias.search_name.length * 0.6))
    )
    assert.isAbove(aliasPrefixes.length, 10)
    let compared = 0
    for (const q of [...queries, ...aliasPrefixes]) {
      for (const kind of queries.includes(q) ? ([null, 'commune', 'epci'] as const) : [null]) {
        const reference = entries(await search.handle({ q, kind, limit: 1000 }))
        for (const limit of [1, 3, 7, 20]) {
          const limited = entries(await search.handle({ q, kind, limit }))
          assert.deepEqual(limited, reference.slice(0, limit), `${q} (${kind}) limit ${limit}`)
          compared++
        }
      }
    }
    assert.equal(compared, (queries.length * 3 + aliasPrefixes.length) * 4)
  }).timeout(60_000)

  test('an authority cut from its own name branch is still shown by its own name, not an alias', async ({
    assert,
  }) => {
    // A commune nouvelle with a long name whose short commune déléguée also starts with the
    // query, among communes whose names rank above the long one.
    const nouvelle = await makeCollectivity('commune', 'Zebulon les Trois Rivieres du Val')
    await makeCollectivity('commune', 'Zebulonville')
    await makeCollectivity('commune', 'Zebulon sur Mer')
    await db.table('collectivity_aliases').insert({
      collectivity_id: nouvelle.id,
      kind: 'commune-deleguee',
      code: '99901',
      name: 'Zebulon',
      search_name: 'zebulon',
      postal_codes: [],
    })
    const search = new SearchCollectivities()
    const reference = entries(await search.handle({ q: 'zebul', limit: 1000 }))
    assert.deepEqual(reference, [
      'Zebulonville/1000/',
      'Zebulon sur Mer/1000/',
      'Zebulon les Trois Rivieres du Val/1000/',
    ])
    for (const limit of [1, 2, 3]) {
      const limited = entries(await search.handle({ q: 'zebul', limit }))
      assert.deepEqual(limited, reference.slice(0, limit), `limit ${limit}`)
    }
  })

  test('a common word stops at its prefixes; a typo still reaches similarity', async ({
    assert,
  }) => {
    const search = new SearchCollectivities()
    const saints = await search.handle({ q: 'saint', limit: 20 })
    assert.lengthOf(saints, 20)
    assert.isTrue(
      saints.every((row) => /^saint/i.test(row.name.normalize('NFD'))),
      'only prefix matches when there are enough of them'
    )
    const typo = await search.handle({ q: 'lecture', limit: 20 })
    assert.include(
      typo.map((row) => row.name),
      'Lectoure'
    )
  })
})
