import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import AcceptUpload from '#kernel/media/actions/accept_upload'
import ProcessMedia from '#kernel/media/actions/process_media'
import DeleteMedia, { removeStoredFiles } from '#kernel/media/actions/delete_media'
import Media from '#kernel/media/models/media'
import { closeQueues, getQueue } from '#kernel/queue/queues'
import Citizen from '#kernel/accounts/models/citizen'
import { citizenWithToken, ensureCommune, TEST_PASSWORD } from '#tests/helpers/citizens'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import * as fixtures from '#tests/fixtures/media/generate'

/** Where a media's files live on the local disk (original and every variant generation). */
const folderOf = (media: Media) => app.makePath('storage', media.storagePrefix)
const originalOf = (media: Media) => app.makePath('storage', media.originalKey)

interface ExportedMedia {
  id: number
  kind: string
  state: string
  mime: string
  created_at: string
  variants: Array<{ name: string; url: string }>
}

test.group('Citizen GDPR: their uploads', (group) => {
  let files: Awaited<ReturnType<typeof fixtures.fixtureDir>>
  group.setup(async () => {
    files = await fixtures.fixtureDir()
    return async () => {
      await files.remove()
      await getQueue('media').obliterate({ force: true })
      await closeQueues()
    }
  })
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.teardown(async () => {
    // Rows roll back with the transaction; files must go by hand.
    await removeStoredFiles(await Media.all())
  })

  async function upload(uploader: { type: 'citizen' | 'agent'; id: number }, ready: boolean) {
    const commune = await ensureCommune()
    const photo = await fixtures.jpegWithGps(files.dir, `photo-${Math.random()}.jpg`)
    const media = await new AcceptUpload().handle({
      collectivityId: commune.id,
      uploader,
      path: photo,
    })
    if (ready) {
      const outcome = await new ProcessMedia().handle(media.id)
      if (outcome !== 'ready') throw new Error(`the fixture photo was not processed: ${outcome}`)
    }
    return media.refresh()
  }

  test('the export lists their uploads with public URLs once ready, never the original', async ({
    client,
    assert,
  }) => {
    const { citizen, token } = await citizenWithToken()
    const { citizen: neighbour } = await citizenWithToken()
    const ready = await upload({ type: 'citizen', id: citizen.id }, true)
    const pending = await upload({ type: 'citizen', id: citizen.id }, false)
    await upload({ type: 'citizen', id: neighbour.id }, false)
    await upload({ type: 'agent', id: citizen.id }, false)

    const response = await client.get('/api/v1/me/export').bearerToken(token)
    response.assertStatus(200)
    await assertMatchesOpenApi(response)
    const exported = response.body().media as ExportedMedia[]
    assert.deepEqual(
      exported.map((item) => [item.id, item.kind, item.state, item.mime]),
      [
        [ready.id, 'image', 'ready', 'image/jpeg'],
        [pending.id, 'image', 'pending', 'image/jpeg'],
      ]
    )
    assert.equal(exported[0].created_at, ready.createdAt.toISO())
    assert.sameMembers(
      exported[0].variants.map((variant) => variant.name),
      ready.variants.map((variant) => variant.name)
    )
    assert.deepEqual(exported[1].variants, [])
    assert.notInclude(JSON.stringify(response.body()), ready.originalKey)

    const served = await client.get(new URL(exported[0].variants[0].url).pathname)
    served.assertStatus(200)
  })

  test('deleting the account erases their uploads, rows and files, and only theirs', async ({
    client,
    assert,
  }) => {
    const { citizen, token } = await citizenWithToken()
    const { citizen: neighbour } = await citizenWithToken()
    const ready = await upload({ type: 'citizen', id: citizen.id }, true)
    const pending = await upload({ type: 'citizen', id: citizen.id }, false)
    const alreadyGone = await upload({ type: 'citizen', id: citizen.id }, false)
    await rm(folderOf(alreadyGone), { recursive: true, force: true })
    const theirs = await upload({ type: 'citizen', id: neighbour.id }, true)
    assert.isTrue(existsSync(originalOf(ready)))
    assert.isAbove(ready.variants.length, 0)

    const response = await client
      .delete('/api/v1/me')
      .bearerToken(token)
      .json({ password: TEST_PASSWORD })
    response.assertStatus(204)

    assert.isNull(await Citizen.find(citizen.id))
    assert.lengthOf(await Media.query().whereIn('id', [ready.id, pending.id, alreadyGone.id]), 0)
    for (const media of [ready, pending, alreadyGone]) {
      assert.isFalse(existsSync(folderOf(media)), `files of media ${media.id}`)
    }
    const kept = await Media.findOrFail(theirs.id)
    assert.isTrue(existsSync(originalOf(kept)))
    for (const variant of kept.variants) {
      assert.isTrue(existsSync(app.makePath('storage', variant.key)))
    }
  })

  test('files go only once the transaction commits: a rollback keeps rows and files', async ({
    assert,
  }) => {
    const { citizen } = await citizenWithToken()
    const media = await upload({ type: 'citizen', id: citizen.id }, true)

    await assert.rejects(
      () =>
        db.transaction(async (trx) => {
          assert.equal(await new DeleteMedia().uploadedByCitizen(citizen.id, trx), 1)
          throw new Error('panne après la suppression')
        }),
      'panne après la suppression'
    )
    assert.exists(await Media.find(media.id))
    assert.isTrue(existsSync(originalOf(media)))
    assert.isTrue(existsSync(app.makePath('storage', media.variants[0].key)))
  })

  test('DeleteMedia removes one media and all its files, and is safe to call again', async ({
    assert,
  }) => {
    const { citizen } = await citizenWithToken()
    const media = await upload({ type: 'citizen', id: citizen.id }, true)
    const other = await upload({ type: 'citizen', id: citizen.id }, false)

    assert.isTrue(await new DeleteMedia().handle(media.id))
    assert.isNull(await Media.find(media.id))
    assert.isFalse(existsSync(folderOf(media)))
    assert.isFalse(await new DeleteMedia().handle(media.id))
    assert.exists(await Media.find(other.id))
    assert.isTrue(existsSync(originalOf(other)))
  })
})
