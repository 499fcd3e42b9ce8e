import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import SetFeatures from '#kernel/modules/actions/set_features'
import Collectivity from '#kernel/territories/models/collectivity'
import AuditLog from '#kernel/accounts/models/audit_log'
import { territory } from '#tests/functional/tenancy/fixtures'

const switchFeatures = async (id: number, input: { enable?: string[]; disable?: string[] }) =>
  new SetFeatures().handle(await Collectivity.findOrFail(id), input)

/**
 * A switched-off feature's back-office is closed by URL too, not only hidden from the
 * navigation: one gate for every module (app/middleware/feature_gate_middleware.ts).
 */
test.group('Back-office pages of switched-off features', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  const pages = [
    { feature: 'canteens', path: '/info/canteens', label: 'Menus des cantines' },
    { feature: 'polls', path: '/participation/polls', label: 'Sondages' },
    { feature: 'consultations', path: '/participation/consultations', label: 'Consultations' },
    { feature: 'budgets', path: '/participation/budgets', label: 'Budget participatif' },
    { feature: 'reports', path: '/signalement', label: 'Signalements' },
  ]

  for (const { feature, path, label } of pages) {
    test(`${path}: refused with a French flash while ${feature} is off, reachable once on`, async ({
      client,
      assert,
    }) => {
      const t = await territory()
      const refused = await client.get(path).redirects(0).loginAs(t.adminA)
      refused.assertStatus(302)
      assert.equal(refused.header('location'), '/')
      assert.equal(
        refused.flashMessages().error,
        `Le module « ${label} » n’est pas activé pour Commune A : un administrateur l’active dans « Modules et identité ».`
      )

      await switchFeatures(t.communeA.id, { enable: [feature] })
      const page = await client.get(path).withInertia().loginAs(t.adminA)
      page.assertStatus(200)

      // Off again: closed again (and only for the authority that switched it off).
      await switchFeatures(t.communeA.id, { disable: [feature] })
      const closed = await client.get(path).redirects(0).loginAs(t.adminA)
      closed.assertStatus(302)
      await switchFeatures(t.communeB.id, { enable: [feature] })
      const other = await client.get(path).withInertia().loginAs(t.adminB)
      other.assertStatus(200)
    })
  }

  test('writes are refused too: a menu import while canteens are off writes nothing', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const csv =
      'menuRestaurantId;menuRestaurantNom;menuDate;menuRepasType;menuPlatType;menuPlatNom\n' +
      'r1;École;2026-03-02;Déjeuner;Plat principal;Poulet\n'
    const refused = await client
      .post('/info/imports/menus')
      .withCsrfToken()
      .redirects(0)
      .file('file', Buffer.from(csv), { filename: 'menus.csv' })
      .loginAs(t.editorA)
    refused.assertStatus(302)
    assert.equal(refused.header('location'), '/')
    assert.match(String(refused.flashMessages().error), /Menus des cantines/)
    const audited = await AuditLog.query().where({ collectivityId: t.communeA.id })
    assert.lengthOf(audited, 0)

    // A client asking for JSON gets the stable error.
    const json = await client
      .post('/info/menus/1/publish')
      .withCsrfToken()
      .header('Accept', 'application/json')
      .loginAs(t.editorA)
    json.assertStatus(409)
    assert.equal(json.body().errors[0].code, 'E_FEATURE_DISABLED')
  })

  test('places belong to four features: reachable while any one of them is on', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const refused = await client.get('/info/places').redirects(0).loginAs(t.editorA)
    refused.assertStatus(302)
    assert.match(String(refused.flashMessages().error), /^Aucun des modules « Producteurs locaux »/)
    // A bike-lane import belongs to mobility alone: markets on does not open it.
    await switchFeatures(t.communeA.id, { enable: ['markets'] })
    const page = await client.get('/info/places').withInertia().loginAs(t.editorA)
    page.assertStatus(200)
    const bikeLanes = await client
      .post('/info/imports/bike-lanes')
      .withCsrfToken()
      .redirects(0)
      .loginAs(t.editorA)
    bikeLanes.assertStatus(302)
    assert.match(String(bikeLanes.flashMessages().error), /Mobilités douces/)
  })

  test('pages of no feature (news, settings, audit) stay open', async ({ client }) => {
    const t = await territory()
    for (const path of ['/info/news', '/info/events', '/info/contacts', '/settings', '/audit']) {
      const page = await client.get(path).withInertia().loginAs(t.adminA)
      page.assertStatus(200)
    }
  })
})
