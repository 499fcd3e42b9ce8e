import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import { makeAgent, makeCollectivity, switchOn } from '#tests/functional/tenancy/fixtures'
import { createCitizen } from '#tests/helpers/citizens'
import { gersWithShapes, POINTS } from '#tests/fixtures/signalement/gers'
import SubmitReport from '#signalement/actions/submit_report'
import Report from '#signalement/models/report'
import Open311ApiKey from '#signalement/models/open311_api_key'

let gers: Awaited<ReturnType<typeof gersWithShapes>>

/** A citizen's report in Auch; resolves to the authority it was routed to. */
const handlerOf = async (categoryCode: string) => {
  const citizen = await createCitizen()
  const report = await new SubmitReport().handle({
    categoryCode,
    description: 'À voir',
    ...POINTS.auch,
    reporter: { citizenId: citizen.id },
  })
  return report.collectivityId
}

test.group('Signalement back-office: statistics, categories, Open311 keys', (group) => {
  group.setup(async () => {
    const truncate = await testUtils.db().truncate()
    gers = await gersWithShapes()
    return truncate
  })
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('statistics per category and month: received, resolved, median time to resolve', async ({
    client,
    assert,
  }) => {
    const lastMonth = DateTime.now()
      .setZone('Europe/Paris')
      .startOf('month')
      .minus({ months: 1 })
      .plus({ days: 2, hours: 9 })
    const report = (categoryCode: string, hoursToResolve: number | null, extra = {}) =>
      Report.create({
        collectivityId: gers.auch.id,
        communeId: gers.auch.id,
        categoryCode,
        description: 'Statistiques',
        lat: POINTS.auch.lat,
        lng: POINTS.auch.lng,
        source: 'app',
        anonymous: false,
        status: hoursToResolve === null ? 'submitted' : 'resolved',
        moderation: 'published',
        createdAt: lastMonth,
        resolvedAt: hoursToResolve === null ? null : lastMonth.plus({ hours: hoursToResolve }),
        ...extra,
      })
    const kept = await report('voirie', 10)
    await report('voirie', 30)
    await report('voirie', 100)
    await report('voirie', null)
    await report('eclairage', 72)
    // A merged duplicate, another authority's report and one older than the period do not count.
    await report('voirie', 1, { mergedIntoId: kept.id })
    await report('voirie', 1, { collectivityId: gers.condom.id, communeId: gers.condom.id })
    await report('voirie', 1, { createdAt: lastMonth.minus({ months: 3 }) })

    const moderator = await makeAgent('stats.auch@example.test', [[gers.auch, 'moderator']])
    const page = await client
      .get('/signalement/statistics')
      .qs({ months: 3 })
      .withInertia()
      .loginAs(moderator)
    page.assertStatus(200)
    const { months, rows, period } = page.body().props
    assert.equal(period, 3)
    assert.lengthOf(months, 3)
    const month = lastMonth.toFormat('yyyy-MM')
    assert.equal(months[1], month)
    assert.deepEqual(
      rows.filter((row: { month: string | null }) => row.month === month),
      [
        {
          category: 'eclairage',
          categoryLabel: 'Éclairage public',
          month,
          received: 1,
          resolved: 1,
          medianHoursToResolve: 72,
        },
        {
          category: 'voirie',
          categoryLabel: 'Voirie / nid-de-poule',
          month,
          received: 4,
          resolved: 3,
          medianHoursToResolve: 30,
        },
      ]
    )
    const totals = rows.filter((row: { month: string | null }) => row.month === null)
    assert.deepEqual(
      totals.map((row: { category: string; received: number }) => [row.category, row.received]),
      [
        ['eclairage', 1],
        ['voirie', 4],
      ]
    )

    const wrong = await client
      .get('/signalement/statistics')
      .qs({ months: 99 })
      .header('accept', 'application/json')
      .loginAs(moderator)
    wrong.assertStatus(422)
    assert.equal(wrong.body().errors[0].field, 'months')
  })

  test('an EPCI takes « dépôt sauvage » for its communes; a commune switches a category off', async ({
    client,
    assert,
  }) => {
    const epciAdmin = await makeAgent('admin.grand-auch@example.test', [[gers.grandAuch, 'admin']])
    const auchAdmin = await makeAgent('admin.auch@example.test', [[gers.auch, 'admin']])

    const before = await client.get('/signalement/categories').withInertia().loginAs(auchAdmin)
    before.assertStatus(200)
    const dump = (props: any) =>
      props.categories.find((row: { code: string }) => row.code === 'depot_sauvage')
    assert.containsSubset(dump(before.body().props), {
      label: 'Dépôt sauvage',
      catalogueLevel: 'commune',
      handlingLevel: null,
      inheritedLevel: 'commune',
      enabled: true,
    })
    assert.equal(await handlerOf('depot_sauvage'), gers.auch.id)

    const taken = await client
      .put('/signalement/categories/depot_sauvage')
      .json({ enabled: true, handlingLevel: 'epci' })
      .withCsrfToken()
      .redirects(0)
      .loginAs(epciAdmin)
    taken.assertStatus(302)
    assert.equal(await handlerOf('depot_sauvage'), gers.grandAuch.id)
    const after = await client.get('/signalement/categories').withInertia().loginAs(auchAdmin)
    assert.containsSubset(dump(after.body().props), {
      handlingLevel: null,
      inheritedLevel: 'epci',
      effectiveLevel: 'epci',
    })

    const off = await client
      .put('/signalement/categories/eclairage')
      .json({ enabled: false, handlingLevel: null })
      .withCsrfToken()
      .redirects(0)
      .loginAs(auchAdmin)
    off.assertStatus(302)
    const logged = await db
      .from('audit_logs')
      .where({ collectivity_id: gers.auch.id, action: 'signalement.category_updated' })
      .select('subject_id', 'before', 'after')
    assert.deepEqual(logged, [
      {
        subject_id: 'eclairage',
        before: { enabled: true, handlingLevel: null },
        after: { enabled: false, handlingLevel: null },
      },
    ])
    await handlerOf('eclairage').then(
      () => assert.fail('a category switched off must be refused'),
      (error) => assert.equal(error.code, 'E_CATEGORY_DISABLED')
    )

    // French refusals: a level the authority has no one for, an unknown level, an unknown category.
    const departement = await makeCollectivity('departement', 'Autre département')
    const alone = await makeCollectivity('commune', 'Isolée', { departementId: departement.id })
    // Its reports switched on: the back-office closes a switched-off feature's pages (ADR 0024).
    await switchOn([alone], ['reports'])
    const aloneAdmin = await makeAgent('admin.isolee@example.test', [[alone, 'admin']])
    const unreachable = await client
      .put('/signalement/categories/voirie')
      .header('accept', 'application/json')
      .json({ enabled: true, handlingLevel: 'epci' })
      .withCsrfToken()
      .loginAs(aloneAdmin)
    unreachable.assertStatus(422)
    assert.deepEqual(unreachable.body().errors[0], {
      code: 'E_UNREACHABLE_LEVEL',
      message: 'Isolée ne dépend d’aucun échelon « Intercommunalité »',
      field: 'handlingLevel',
    })
    const badLevel = await client
      .put('/signalement/categories/voirie')
      .header('accept', 'application/json')
      .json({ enabled: true, handlingLevel: 'region' })
      .withCsrfToken()
      .loginAs(auchAdmin)
    badLevel.assertStatus(422)
    assert.equal(
      badLevel.body().errors[0].message,
      "La valeur du champ échelon qui traite n'est pas autorisée"
    )
    const unknown = await client
      .put('/signalement/categories/ovni')
      .header('accept', 'application/json')
      .json({ enabled: true, handlingLevel: null })
      .withCsrfToken()
      .loginAs(auchAdmin)
    unknown.assertStatus(404)

    // Moderators handle reports; only admins set categories.
    const moderator = await makeAgent('moderation.auch@example.test', [[gers.auch, 'moderator']])
    const refused = await client.get('/signalement/categories').withInertia().loginAs(moderator)
    refused.assertStatus(403)
  })

  test('an admin issues an Open311 key (shown once) that Open311 accepts, then revokes it', async ({
    client,
    assert,
  }) => {
    const admin = await makeAgent('admin.auch@example.test', [[gers.auch, 'admin']])
    const issued = await client
      .post('/signalement/open311-keys')
      .json({ name: 'Appli de quartier' })
      .withCsrfToken()
      .redirects(0)
      .loginAs(admin)
    issued.assertStatus(302)
    const { key, name } = issued.flashMessages().issuedKey as { key: string; name: string }
    assert.equal(name, 'Appli de quartier')
    assert.match(key, /^[A-Za-z0-9_-]{32}$/)
    const row = await Open311ApiKey.query().where('collectivityId', gers.auch.id).firstOrFail()
    assert.equal(row.keyPrefix, key.slice(0, 8))

    const shown = await client
      .get('/signalement/open311-keys')
      .withFlashMessages({ issuedKey: { name, key } })
      .withInertia()
      .loginAs(admin)
    assert.deepEqual(shown.body().props.issued, { name, key })
    const later = await client.get('/signalement/open311-keys').withInertia().loginAs(admin)
    assert.isNull(later.body().props.issued)
    assert.containsSubset(later.body().props.keys, [
      { id: row.id, name: 'Appli de quartier', prefix: key.slice(0, 8), revokedAt: null },
    ])
    assert.notInclude(JSON.stringify(later.body().props), key)

    const form = {
      api_key: key,
      jurisdiction_id: '32013',
      service_code: 'voirie',
      lat: String(POINTS.auch.lat),
      long: String(POINTS.auch.lng),
      description: 'Trou',
    }
    const accepted = await client.post('/open311/v2/requests.json').form(form)
    accepted.assertStatus(201)

    const revoked = await client
      .post(`/signalement/open311-keys/${row.id}/revoke`)
      .withCsrfToken()
      .redirects(0)
      .loginAs(admin)
    revoked.assertStatus(302)
    const refused = await client.post('/open311/v2/requests.json').form(form)
    refused.assertStatus(403)
    const listed = await client.get('/signalement/open311-keys').withInertia().loginAs(admin)
    assert.isString(listed.body().props.keys[0].revokedAt)
    // Both are in the audit log, with who did it.
    const logged = await db
      .from('audit_logs')
      .where({ collectivity_id: gers.auch.id, subject_type: 'open311_key' })
      .orderBy('id')
      .select('action', 'agent_id')
    assert.deepEqual(logged, [
      { action: 'signalement.open311_key_issued', agent_id: admin.id },
      { action: 'signalement.open311_key_revoked', agent_id: admin.id },
    ])

    const noName = await client
      .post('/signalement/open311-keys')
      .header('accept', 'application/json')
      .json({ name: '' })
      .withCsrfToken()
      .loginAs(admin)
    noName.assertStatus(422)
    assert.equal(noName.body().errors[0].message, 'Le champ nom du client est obligatoire')
  })
})
