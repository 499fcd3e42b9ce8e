import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import Place from '#info/models/place'
import AuditLog from '#kernel/accounts/models/audit_log'
import RunImport from '#info/actions/run_import'
import { switchOn, territory } from '../tenancy/fixtures.js'

const carpool = () => readFile(app.makePath('tests/fixtures/info/carpool.csv'))

/**
 * Makes the database refuse a row half-way through an import (a full disk, a constraint, a
 * lost connection look the same to the action). Created inside the test's global transaction,
 * so it is rolled back with it.
 */
async function failOn(table: string, condition: string) {
  await db.rawQuery(`create function pg_temp.refuse_row() returns trigger language plpgsql as
    $$ begin raise exception 'panne simulée'; end $$`)
  await db.rawQuery(`create trigger refuse_row before insert on ${table} for each row
    when (${condition}) execute function pg_temp.refuse_row()`)
}

/** The carpool fixture imported by commune A's editor, as the back-office runs it. */
const importCarpoolAs = async (t: Awaited<ReturnType<typeof territory>>) =>
  new RunImport().handle({
    kind: 'carpool',
    collectivityId: t.communeA.id,
    file: await carpool(),
    by: { agent: t.editorA },
  })

const importRecords = (collectivityId: number) =>
  AuditLog.query().where({ collectivityId, action: 'content.imported' })

/**
 * The import and its audit record are one transaction (issue 10, item 4): never « imported » in
 * the log for rows that rolled back, never rows without their record.
 */
test.group('Info imports: rows and audit record together', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a successful import from the back-office leaves exactly one audit record', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await switchOn([t.communeA], ['mobility'])
    const upload = await client
      .post('/info/imports/carpool')
      .withCsrfToken()
      .redirects(0)
      .file('file', app.makePath('tests/fixtures/info/carpool.csv'))
      .loginAs(t.editorA)
    upload.assertStatus(302)
    const records = await importRecords(t.communeA.id)
    assert.lengthOf(records, 1)
    assert.equal(records[0].agentId, t.editorA.id)
    assert.deepInclude(records[0].after!, { created: 4, rejected: 3 })
    assert.lengthOf(await Place.query().where({ collectivityId: t.communeA.id }), 4)
  })

  test('an import that fails half-way writes no row and no audit record', async ({ assert }) => {
    const t = await territory()
    // The third accepted area is refused by the database, after two were written.
    await failOn('info_places', `new.source_id = '32013-C-003'`)
    await assert.rejects(() => importCarpoolAs(t), /panne simulée/)
    assert.lengthOf(await Place.query().where({ collectivityId: t.communeA.id }), 0)
    assert.lengthOf(await importRecords(t.communeA.id), 0)
  })

  test('an audit record that cannot be written takes the imported rows back with it', async ({
    assert,
  }) => {
    const t = await territory()
    await failOn('audit_logs', `new.action = 'content.imported'`)
    await assert.rejects(() => importCarpoolAs(t), /panne simulée/)
    assert.lengthOf(await Place.query().where({ collectivityId: t.communeA.id }), 0)
    assert.lengthOf(await importRecords(t.communeA.id), 0)
  })
})
