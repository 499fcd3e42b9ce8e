import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import DemoGersSeeder, { demoLogins } from '#database/seeders/demo_gers_seeder'
import Agent from '#kernel/accounts/models/agent'
import Membership from '#kernel/accounts/models/membership'
import Collectivity from '#kernel/territories/models/collectivity'

/** Row counts of what the seeder writes (one after the other: one transaction, one client). */
async function counts() {
  const tables = [
    'collectivities',
    'agents',
    'memberships',
    'info_news',
    'info_events',
    'feed_items',
  ]
  const result: Record<string, number> = {}
  for (const table of tables) {
    const row = await db.from(table).count('* as total').first()
    result[table] = Number(row.total)
  }
  return result
}

test.group('Demo seeder (the Gers)', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('onboards the Gers, creates the demo agents with working logins and some content, idempotently', async ({
    assert,
  }) => {
    await new DemoGersSeeder(db.connection()).run()
    const first = await counts()

    const departement = await Collectivity.query()
      .where({ kind: 'departement', code: '32' })
      .firstOrFail()
    assert.equal(departement.status, 'onboarded')
    const communes = await Collectivity.query().where({
      kind: 'commune',
      departementId: departement.id,
    })
    assert.isAbove(communes.length, 400)
    assert.isAtLeast(first.info_news, 2)
    assert.isAtLeast(first.info_events, 1)

    const { password, agents } = await demoLogins()
    assert.lengthOf(agents, 5)
    for (const login of agents) {
      const agent = await Agent.verifyCredentials(login.email, password)
      assert.equal(agent.isSuperAdmin, Boolean(login.superAdmin), login.email)
      const target = await Collectivity.query()
        .where({ kind: login.kind, code: login.code })
        .firstOrFail()
      const membership = await Membership.query()
        .where({ agentId: agent.id, collectivityId: target.id })
        .firstOrFail()
      assert.equal(membership.role, login.role, login.email)
    }

    await new DemoGersSeeder(db.connection()).run()
    assert.deepEqual(await counts(), first)
  }).timeout(120_000)
})
