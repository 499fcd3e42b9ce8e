import { test } from '@japa/runner'
import { fileURLToPath } from 'node:url'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import InfoImportCarpool from '../../../commands/info_import_carpool.js'
import InfoImportMenus from '../../../commands/info_import_menus.js'
import Place from '#info/models/place'
import { smallGers } from '#tests/fixtures/info/territory'

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/info/${name}`, import.meta.url))

test.group('Info import commands', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.setup(async () => {
    ace.ui.switchMode('raw')
    return () => ace.ui.switchMode('normal')
  })

  test('info:import-carpool prints the report with each rejected row', async ({ assert }) => {
    const { departement } = await smallGers()
    const command = await ace.create(InfoImportCarpool, [
      fixture('carpool.csv'),
      `--collectivity=${departement.code}`,
    ])
    await command.exec()
    command.assertSucceeded()
    command.assertLog(
      `[ green(success) ] ${departement.name} : 4 ligne(s) acceptée(s) (4 créé(s), 0 mis à jour), 3 rejetée(s)`
    )
    command.assertLog(
      '[ yellow(warn) ] ligne 7 [32013-C-004] : coordonnées Xlong/Ylat absentes ou non numériques'
    )
    assert.lengthOf(await Place.query().where('collectivity_id', departement.id), 4)
  })

  test('an unknown collectivity or a missing file fails without a stack trace', async () => {
    const unknown = await ace.create(InfoImportMenus, [
      fixture('menus_latin1_comma.csv'),
      '--collectivity=00000',
    ])
    await unknown.exec()
    unknown.assertFailed()
    unknown.assertLog('[ red(error) ] Collectivité introuvable : « 00000 »', 'stderr')

    const { auch } = await smallGers()
    const missing = await ace.create(InfoImportMenus, [
      '/nonexistent.csv',
      `--collectivity=${auch.code}`,
    ])
    await missing.exec()
    missing.assertFailed()
  })
})
