import { test } from '@japa/runner'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import CollectivityOnboard from '../../../commands/collectivity_onboard.js'
import CollectivityModules from '../../../commands/collectivity_modules.js'
import Collectivity from '#kernel/territories/models/collectivity'
import Membership from '#kernel/accounts/models/membership'

async function collectivitiesCount() {
  const [row] = await db.from('collectivities').count('* as total')
  return Number(row.total)
}

test.group('Territories / commands', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.setup(async () => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('collectivity:onboard --commune prints the summary table', async ({ assert }) => {
    const command = await ace.create(CollectivityOnboard, ['--commune=32013'])
    await command.exec()
    command.assertSucceeded()
    const output = command.logger
      .getLogs()
      .map((log) => log.message)
      .join('\n')
    assert.match(output, /Communes/)
    assert.match(output, /Créées/)
    const auch = await Collectivity.findByOrFail({ kind: 'commune', code: '32013' })
    assert.equal(auch.status, 'onboarded')
  })

  test('collectivity:onboard --admin invites the first admin and prints the link', async ({
    assert,
  }) => {
    const command = await ace.create(CollectivityOnboard, [
      '--commune=32013',
      '--admin=Maire@Auch.fr',
    ])
    await command.exec()
    command.assertSucceeded()
    const output = command.logger
      .getLogs()
      .map((log) => log.message)
      .join('\n')
    assert.match(output, /Lien d'invitation : http/)
    const auch = await Collectivity.findByOrFail({ kind: 'commune', code: '32013' })
    const membership = await Membership.query().where('collectivity_id', auch.id).firstOrFail()
    assert.equal(membership.role, 'admin')
  })

  test('unknown codes and bad flags fail with one line and write nothing', async ({ assert }) => {
    for (const argv of [
      ['--departement=00'],
      ['--epci=12'],
      ['--commune=32999'],
      [],
      ['--commune=32013', '--epci=200066926'],
    ]) {
      ace.ui.logger.flushLogs()
      const command = await ace.create(CollectivityOnboard, argv)
      await command.exec()
      command.assertFailed()
      const errors = command.logger.getLogs().filter((log) => log.stream === 'stderr')
      assert.lengthOf(errors, 1, argv.join(' '))
      assert.notMatch(errors[0].message, /\n\s+at /, 'no stack trace')
    }
    assert.equal(await collectivitiesCount(), 0)
  })

  test('collectivity:modules switches features and shows their state', async ({ assert }) => {
    const onboard = await ace.create(CollectivityOnboard, ['--commune=32013'])
    await onboard.exec()
    const command = await ace.create(CollectivityModules, ['32013', '--enable=markets,polls'])
    await command.exec()
    command.assertSucceeded()
    const auch = await Collectivity.findByOrFail({ kind: 'commune', code: '32013' })
    assert.isTrue(auch.isModuleEnabled('markets'))
    assert.isTrue(auch.isModuleEnabled('polls'))
    assert.isTrue(auch.isModuleEnabled('news'))
    assert.match(
      command.logger
        .getLogs()
        .map((log) => log.message)
        .join('\n'),
      /Marchés.*markets.*activé/
    )

    const core = await ace.create(CollectivityModules, ['32013', '--disable=news'])
    await core.exec()
    core.assertFailed()
    const unknown = await ace.create(CollectivityModules, ['32013', '--enable=teleportation'])
    await unknown.exec()
    unknown.assertFailed()
    const missing = await ace.create(CollectivityModules, ['99999'])
    await missing.exec()
    missing.assertFailed()
    await auch.refresh()
    assert.isTrue(auch.isModuleEnabled('news'))
  })
})
