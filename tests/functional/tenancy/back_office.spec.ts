import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditLog from '#kernel/accounts/models/audit_log'
import Membership from '#kernel/accounts/models/membership'
import Collectivity from '#kernel/territories/models/collectivity'
import { territory } from './fixtures.js'
import { MAX_SETTINGS_BYTES } from '#kernel/modules/actions/set_features'

test.group('Back-office: switcher, roles, modules, branding, audit', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an agent switches between their own authorities only', async ({ client, assert }) => {
    const t = await territory()
    await Membership.create({ agentId: t.adminA.id, collectivityId: t.epci.id, role: 'editor' })
    const switched = await client
      .put('/authority')
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .json({ collectivityId: t.epci.id })
      .loginAs(t.adminA)
    switched.assertStatus(303)
    const session = switched.session()
    assert.equal(session.authorityId, t.epci.id)

    const refused = await client
      .put('/authority')
      .withInertia()
      .withCsrfToken()
      .json({ collectivityId: t.communeB.id })
      .loginAs(t.adminA)
    refused.assertStatus(403)

    const choices = await client
      .get('/authorities')
      .header('accept', 'application/json')
      .loginAs(t.adminA)
    assert.sameMembers(
      choices.body().authorities.map((choice: { id: number }) => choice.id),
      [t.communeA.id, t.epci.id]
    )
    const search = await client
      .get('/authorities?q=Commune B')
      .header('accept', 'application/json')
      .loginAs(t.superAdmin)
    assert.deepInclude(
      search.body().authorities.map((c: { id: number }) => c.id),
      t.communeB.id
    )
  })

  test('an admin changes a role and removes a member, audited; the last admin stays', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const editor = await Membership.query().where({ agentId: t.editorA.id }).firstOrFail()
    const changed = await client
      .put(`/agents/${editor.id}`)
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .json({ role: 'moderator' })
      .loginAs(t.adminA)
    changed.assertStatus(303)
    await editor.refresh()
    assert.equal(editor.role, 'moderator')
    const log = await AuditLog.query().where({ action: 'membership.role_changed' }).firstOrFail()
    assert.deepEqual([log.before, log.after], [{ role: 'editor' }, { role: 'moderator' }])

    const own = await Membership.query().where({ agentId: t.adminA.id }).firstOrFail()
    const lastAdmin = await client
      .delete(`/agents/${own.id}`)
      .header('accept', 'application/json')
      .withCsrfToken()
      .loginAs(t.adminA)
    lastAdmin.assertStatus(422)
    lastAdmin.assertBodyContains({ errors: [{ code: 'E_LAST_ADMIN' }] })

    const removed = await client
      .delete(`/agents/${editor.id}`)
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .loginAs(t.adminA)
    removed.assertStatus(303)
    assert.isNull(await Membership.find(editor.id))
    assert.isNotNull(await AuditLog.query().where({ action: 'membership.removed' }).first())
  })

  test('modules: optional features switch on with settings, core ones cannot be disabled (French 422)', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const saved = await client
      .put('/settings/modules')
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .json({
        enabled: ['news', 'markets', 'polls'],
        settings: { polls: { resultsVisibility: 'live' } },
      })
      .loginAs(t.adminA)
    saved.assertStatus(303)
    await t.communeA.refresh()
    assert.isTrue(t.communeA.isModuleEnabled('markets'))
    assert.equal(t.communeA.modules.polls.settings.resultsVisibility, 'live')
    assert.isTrue(t.communeA.isModuleEnabled('news'))
    assert.isNotNull(
      await AuditLog.query()
        .where({ action: 'modules.updated', collectivityId: t.communeA.id })
        .first()
    )
    const untouched = await Collectivity.findOrFail(t.communeB.id)
    assert.isFalse(untouched.isModuleEnabled('markets'))

    const core = await client
      .delete('/settings/modules/news')
      .header('accept', 'application/json')
      .withCsrfToken()
      .loginAs(t.adminA)
    core.assertStatus(422)
    core.assertBodyContains({ errors: [{ code: 'E_CORE_FEATURE', field: 'news' }] })
    assert.include(core.body().errors[0].message, 'ne peuvent pas être désactivés')

    const invalid = await client
      .put('/settings/modules')
      .header('accept', 'application/json')
      .withCsrfToken()
      .json({ enabled: ['polls'], settings: { polls: { resultsVisibility: 'jamais' } } })
      .loginAs(t.adminA)
    invalid.assertStatus(422)
    invalid.assertBodyContains({
      errors: [
        {
          code: 'E_INVALID_SETTINGS',
          field: 'settings.polls.resultsVisibility',
          message: '« Résultats visibles par les habitants » (Sondages) : valeur non autorisée',
        },
      ],
    })

    // A value of the wrong type (text for a yes/no setting) is refused next to its control too.
    const wrongType = await client
      .put('/settings/modules')
      .header('accept', 'application/json')
      .withCsrfToken()
      .json({ enabled: ['reports'], settings: { reports: { publicMap: 'peut-être' } } })
      .loginAs(t.adminA)
    wrongType.assertStatus(422)
    wrongType.assertBodyContains({
      errors: [{ code: 'E_INVALID_SETTINGS', field: 'settings.reports.publicMap' }],
    })
    assert.include(wrongType.body().errors[0].message, 'Carte publique des signalements')
  })

  test('modules: settings for a feature without a schema, or too large, are refused and nothing is written', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const stored = await Collectivity.findOrFail(t.communeA.id)
    const before = structuredClone(stored.modules)
    const put = (body: Record<string, unknown>) =>
      client
        .put('/settings/modules')
        .header('accept', 'application/json')
        .withCsrfToken()
        .json(body)
        .loginAs(t.adminA)

    const schemaless = await put({ enabled: ['markets'], settings: { markets: { anything: 1 } } })
    schemaless.assertStatus(422)
    schemaless.assertBodyContains({
      errors: [{ code: 'E_SETTINGS_NOT_ALLOWED', field: 'markets' }],
    })
    assert.include(schemaless.body().errors[0].message, 'n’a pas de réglages')

    const huge = await put({
      enabled: ['polls'],
      settings: { polls: { resultsVisibility: 'live', note: 'x'.repeat(MAX_SETTINGS_BYTES) } },
    })
    huge.assertStatus(422)
    huge.assertBodyContains({ errors: [{ code: 'E_SETTINGS_TOO_LARGE', field: 'polls' }] })

    const after = await Collectivity.findOrFail(t.communeA.id)
    assert.deepEqual(after.modules, before)
    assert.isNull(await AuditLog.query().where({ action: 'modules.updated' }).first())
  })

  test('branding: colour saved and audited; bad values get French field errors', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const saved = await client
      .put('/settings/branding')
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .json({ colour: '#AA3300' })
      .loginAs(t.adminA)
    saved.assertStatus(303)
    await t.communeA.refresh()
    assert.equal(t.communeA.branding.colour, '#aa3300')
    assert.isNotNull(await AuditLog.query().where({ action: 'branding.updated' }).first())

    const bad = await client
      .put('/settings/branding')
      .header('accept', 'application/json')
      .withCsrfToken()
      .json({ colour: '<script>alert(1)</script>', logoMediaId: 'javascript:alert(1)' })
      .loginAs(t.adminA)
    bad.assertStatus(422)
    const messages = Object.fromEntries(
      (bad.body().errors as Array<{ field: string; message: string }>).map((e) => [
        e.field,
        e.message,
      ])
    )
    assert.equal(messages.colour, 'Le format du champ couleur est invalide')
    assert.equal(messages.logoMediaId, 'Le champ logo doit être un nombre')
  })

  test('the audit log is the authority’s own, filtered and paginated', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    for (let index = 0; index < 30; index++) {
      await AuditLog.create({
        agentId: t.adminA.id,
        collectivityId: t.communeA.id,
        action: 'test.action',
      })
    }
    await AuditLog.create({
      agentId: t.adminB.id,
      collectivityId: t.communeB.id,
      action: 'test.other',
    })
    const first = await client.get('/audit?action=test.action').withInertia().loginAs(t.adminA)
    first.assertStatus(200)
    assert.equal(first.inertiaProps.logs.meta.total, 30)
    assert.lengthOf(first.inertiaProps.logs.rows, 25)
    assert.notInclude(
      first.inertiaProps.actions.map((action: { value: string }) => action.value),
      'test.other'
    )
    const second = await client
      .get('/audit?action=test.action&page=2')
      .withInertia()
      .loginAs(t.adminA)
    assert.lengthOf(second.inertiaProps.logs.rows, 5)
    const badDate = await client
      .get('/audit?from=hier')
      .header('accept', 'application/json')
      .loginAs(t.adminA)
    badDate.assertStatus(422)
  })
})
