import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { Secret } from '@adonisjs/core/helpers'
import Citizen from '#kernel/accounts/models/citizen'
import { defineModule, type ModuleManifest } from '#kernel/modules/manifest'
import { modules } from '#kernel/modules/registry'
import ExportCitizenData from '#kernel/accounts/citizens/actions/export_citizen_data'
import DeleteCitizenAccount from '#kernel/accounts/citizens/actions/delete_citizen_account'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { citizenWithToken, TEST_PASSWORD } from '#tests/helpers/citizens'
import OnboardCommune from '#kernel/territories/actions/onboard_commune'

/**
 * A module that keeps one row per citizen in a temporary table, to watch the GDPR hooks work
 * inside the deletion's transaction.
 */
function notebookModule(options: { failOnErase?: boolean } = {}): ModuleManifest {
  return defineModule({
    key: 'notebook',
    label: 'Carnet',
    features: [],
    permissions: {},
    routes: async () => {},
    gdpr: {
      export: async (citizenId) => {
        const rows = await db.from('gdpr_notebook').where('citizen_id', citizenId).select('note')
        return { notes: rows.map((row) => row.note) }
      },
      erase: async (citizenId, trx) => {
        await trx.from('gdpr_notebook').where('citizen_id', citizenId).delete()
        if (options.failOnErase) throw new Error('panne du module')
      },
    },
  })
}

test.group('Citizen GDPR: export and erasure', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(async () => {
    await db.rawQuery('CREATE TEMPORARY TABLE gdpr_notebook (citizen_id integer, note text)')
  })

  test('the export holds the account and every module part', async ({ client, assert }) => {
    const { citizen, token } = await citizenWithToken()
    await db.table('gdpr_notebook').insert({ citizen_id: citizen.id, note: 'ma note' })

    const exported = await new ExportCitizenData([notebookModule()]).handle(citizen.id)
    assert.deepEqual(exported.modules, { notebook: { notes: ['ma note'] } })
    assert.equal(exported.account.email, citizen.email)

    const response = await client.get('/api/v1/me/export').bearerToken(token)
    response.assertStatus(200)
    await assertMatchesOpenApi(response)
    assert.equal(response.header('cache-control'), 'private, no-store')
    const withHooks = modules.filter((module) => module.gdpr).map((module) => module.key)
    assert.sameMembers(Object.keys(response.body().modules), withHooks)
    assert.notProperty(response.body().account, 'password')
  })

  test('erasure runs every module hook in the same transaction as the account', async ({
    assert,
  }) => {
    const { citizen } = await citizenWithToken()
    await db.table('gdpr_notebook').insert({ citizen_id: citizen.id, note: 'ma note' })

    await new DeleteCitizenAccount([notebookModule()]).handle(citizen, { password: TEST_PASSWORD })
    assert.isNull(await Citizen.find(citizen.id))
    assert.lengthOf(await db.from('gdpr_notebook').where('citizen_id', citizen.id), 0)
    assert.lengthOf(await db.from('citizen_access_tokens').where('tokenable_id', citizen.id), 0)
  })

  test('a failing module hook leaves the account and all data untouched', async ({ assert }) => {
    const { citizen, token } = await citizenWithToken()
    await db.table('gdpr_notebook').insert({ citizen_id: citizen.id, note: 'ma note' })

    await assert.rejects(
      () =>
        new DeleteCitizenAccount([notebookModule({ failOnErase: true })]).handle(citizen, {
          password: TEST_PASSWORD,
        }),
      'panne du module'
    )
    assert.exists(await Citizen.find(citizen.id))
    assert.lengthOf(await db.from('gdpr_notebook').where('citizen_id', citizen.id), 1)
    assert.exists(await Citizen.accessTokens.verify(new Secret(token)))
  })

  test('deletion needs the password: missing → 422, no token → 401', async ({ client, assert }) => {
    const { citizen, token } = await citizenWithToken()
    const missing = await client.delete('/api/v1/me').bearerToken(token).json({})
    missing.assertStatus(422)
    await assertMatchesOpenApi(missing)
    assert.equal(missing.body().errors[0].field, 'password')

    const anonymous = await client.delete('/api/v1/me').json({ password: TEST_PASSWORD })
    anonymous.assertStatus(401)
    await assertMatchesOpenApi(anonymous)
    assert.exists(await Citizen.find(citizen.id))
  })

  test('push subscriptions: in the export (communes, no keys), deleted with the account', async ({
    client,
    assert,
  }) => {
    const { citizen, token } = await citizenWithToken()
    await new OnboardCommune().handle({ insee: '32013' })
    const keys = { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) }
    const phone = 'https://push.example.org/send/phone-of-the-citizen'
    const signed = await client
      .post('/api/v1/push/subscriptions')
      .bearerToken(token)
      .json({ subscription: { endpoint: phone, keys }, communes: ['32013'] })
    signed.assertStatus(201)
    const someoneElse = 'https://push.example.org/send/anonymous-browser'
    await client
      .post('/api/v1/push/subscriptions')
      .json({ subscription: { endpoint: someoneElse, keys }, communes: ['32013'] })
      .then((response) => response.assertStatus(201))

    const exported = await client.get('/api/v1/me/export').bearerToken(token)
    exported.assertStatus(200)
    await assertMatchesOpenApi(exported)
    const subscriptions = exported.body().push_subscriptions
    assert.deepEqual(
      subscriptions.map((entry: any) => ({ endpoint: entry.endpoint, communes: entry.communes })),
      [{ endpoint: phone, communes: ['32013'] }]
    )
    assert.notProperty(subscriptions[0], 'p256dh')

    const deleted = await client
      .delete('/api/v1/me')
      .bearerToken(token)
      .json({ password: TEST_PASSWORD })
    deleted.assertStatus(204)
    assert.isNull(await Citizen.find(citizen.id))
    const endpoints = await db.from('push_subscriptions').select('endpoint')
    assert.deepEqual(
      endpoints.map((row) => row.endpoint),
      [someoneElse]
    )
  })
})
