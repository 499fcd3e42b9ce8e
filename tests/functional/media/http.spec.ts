import { existsSync } from 'node:fs'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import Agent from '#kernel/accounts/models/agent'
import Membership from '#kernel/accounts/models/membership'
import ProcessMedia from '#kernel/media/actions/process_media'
import Media from '#kernel/media/models/media'
import { closeQueues } from '#kernel/queue/queues'
import { citizenWithToken } from '#tests/helpers/citizens'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import * as fixtures from '#tests/fixtures/media/generate'
import { makeCommune, removeMediaFiles } from '#tests/fixtures/media/records'

test.group('Media · upload endpoints and public variants', (group) => {
  let files: Awaited<ReturnType<typeof fixtures.fixtureDir>>
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.setup(async () => {
    files = await fixtures.fixtureDir()
    return async () => {
      await files.remove()
      await closeQueues()
    }
  })
  group.each.teardown(async () => {
    // Rows roll back with the transaction; files must go by hand.
    await removeMediaFiles(await Media.all())
  })

  async function onboardedCommune() {
    const commune = await makeCommune()
    commune.status = 'onboarded'
    await commune.save()
    return commune
  }

  test('uploads are reserved to citizens who verified their address: 403, nothing stored', async ({
    client,
    assert,
  }) => {
    const commune = await onboardedCommune()
    const { token } = await citizenWithToken({ verified: false })
    const photo = await fixtures.jpegWithGps(files.dir)
    const response = await client
      .post('/api/v1/media')
      .bearerToken(token)
      .field('collectivity', commune.code)
      .file('file', photo)
    response.assertStatus(403)
    await assertMatchesOpenApi(response)
    response.assertBodyContains({ errors: [{ code: 'E_EMAIL_NOT_VERIFIED' }] })
    assert.lengthOf(await Media.all(), 0)
  })

  test('a citizen uploads a photo: 201, pending, no URL yet, stored under a key of ours', async ({
    client,
    assert,
  }) => {
    const commune = await onboardedCommune()
    const { citizen, token } = await citizenWithToken()
    const photo = await fixtures.jpegWithGps(files.dir)

    const response = await client
      .post('/api/v1/media')
      .bearerToken(token)
      .field('collectivity', commune.code)
      .file('file', photo, { filename: '../../etc/passwd.jpg', contentType: 'application/pdf' })
    response.assertStatus(201)
    await assertMatchesOpenApi(response)
    const body = response.body().data
    assert.deepInclude(body, {
      kind: 'image',
      state: 'pending',
      mime: 'image/jpeg',
      variants: [],
      placeholder: null,
    })
    assert.notProperty(body, 'original_key')

    const media = await Media.findOrFail(body.id)
    assert.deepEqual(
      [media.collectivityId, media.uploaderType, media.uploaderId],
      [commune.id, 'citizen', citizen.id]
    )
    assert.match(media.originalKey, /^media\/[0-9a-f-]{36}\/original$/)
    assert.isTrue(existsSync(app.makePath('storage', media.originalKey)))
    assert.notInclude(JSON.stringify(response.body()), 'passwd')
  })

  test('uploads refused by content, size or form: clear 4xx in the API error format', async ({
    client,
    assert,
  }) => {
    const commune = await onboardedCommune()
    const { token } = await citizenWithToken()
    const send = (path: string, filename: string) =>
      client
        .post('/api/v1/media')
        .bearerToken(token)
        .field('collectivity', commune.code)
        .file('file', path, { filename })

    const pdf = await send(
      await fixtures.bytesFile(files.dir, 'doc.jpg', fixtures.PDF),
      'facture.jpg'
    )
    pdf.assertStatus(415)
    await assertMatchesOpenApi(pdf)
    assert.deepEqual(pdf.body().errors[0].code, 'E_MEDIA_TYPE')
    assert.equal(pdf.body().errors[0].field, 'file')

    const html = await send(
      await fixtures.bytesFile(files.dir, 'page.jpg', fixtures.HTML),
      'page\u0007\u0001.jpg'
    )
    html.assertStatus(415)

    const empty = await send(await fixtures.bytesFile(files.dir, 'empty.jpg', ''), 'vide.jpg')
    empty.assertStatus(422)
    await assertMatchesOpenApi(empty)
    assert.equal(empty.body().errors[0].code, 'E_MEDIA_EMPTY')

    env.set('MEDIA_IMAGE_MAX_MB', '0.001')
    try {
      const big = await send(await fixtures.png(files.dir, 300, 300), 'grand.png')
      big.assertStatus(413)
      assert.equal(big.body().errors[0].code, 'E_MEDIA_TOO_LARGE')
    } finally {
      env.set('MEDIA_IMAGE_MAX_MB', '15')
    }

    const noFile = await client
      .post('/api/v1/media')
      .bearerToken(token)
      .field('collectivity', commune.code)
    noFile.assertStatus(422)
    assert.equal(noFile.body().errors[0].code, 'E_MEDIA_MISSING')

    const photo = await fixtures.png(files.dir, 20, 20, 'ok.png')
    const unknown = await client
      .post('/api/v1/media')
      .bearerToken(token)
      .field('collectivity', '99999')
      .file('file', photo)
    unknown.assertStatus(404)
    const badCode = await client
      .post('/api/v1/media')
      .bearerToken(token)
      .field('collectivity', '<script>')
      .file('file', photo)
    badCode.assertStatus(422)
    assert.equal(badCode.body().errors[0].field, 'collectivity')
    const anonymous = await client
      .post('/api/v1/media')
      .field('collectivity', commune.code)
      .file('file', photo)
    anonymous.assertStatus(401)

    assert.equal(
      await Media.query()
        .count('* as total')
        .first()
        .then((row) => Number(row!.$extras.total)),
      0
    )
  })

  test('an agent uploads in the back-office for their current authority', async ({
    client,
    assert,
  }) => {
    const commune = await onboardedCommune()
    const agent = await Agent.create({
      email: `agent-${commune.code}@example.test`,
      fullName: 'Agent Test',
      password: 'secret-pass-123',
      isSuperAdmin: false,
    })
    await Membership.create({ agentId: agent.id, collectivityId: commune.id, role: 'editor' })

    const response = await client
      .post('/media/uploads')
      .loginAs(agent)
      .withCsrfToken()
      .file('file', await fixtures.video(files.dir, { seconds: 1 }), { filename: 'clip.mp4' })
    response.assertStatus(201)
    const media = await Media.findOrFail(response.body().data.id)
    assert.deepEqual(
      [media.kind, media.collectivityId, media.uploaderType, media.uploaderId],
      ['video', commune.id, 'agent', agent.id]
    )

    const signedOut = await client.post('/media/uploads').withCsrfToken().redirects(0)
    assert.include([302, 303], signedOut.status())
  })

  test('a ready variant is served with immutable caching and nosniff; originals and pending media never', async ({
    client,
    assert,
  }) => {
    const commune = await onboardedCommune()
    const { token } = await citizenWithToken()
    const upload = await client
      .post('/api/v1/media')
      .bearerToken(token)
      .field('collectivity', commune.code)
      .file('file', await fixtures.png(files.dir, 400, 200))
    const media = await Media.findOrFail(upload.body().data.id)
    const publicPath = (key: string) => `/${key}`

    // Pending: the original and any guessed variant are unreachable.
    const original = await client.get(publicPath(media.originalKey))
    original.assertStatus(404)
    const guessed = await client.get(`/media/${media.publicId}/000000000000000/w320.webp`)
    guessed.assertStatus(404)

    await new ProcessMedia().handle(media.id)
    await media.refresh()
    const variant = media.variants.find((item) => item.name === 'w320.webp')!
    const served = await client.get(publicPath(variant.key))
    served.assertStatus(200)
    assert.equal(served.header('content-type'), 'image/webp')
    assert.equal(served.header('cache-control'), 'public, max-age=31536000, immutable')
    assert.equal(served.header('x-content-type-options'), 'nosniff')
    assert.equal(Number(served.header('content-length')), variant.bytes)
    assert.isUndefined(served.header('set-cookie'))

    const partial = await client.get(publicPath(variant.key)).header('Range', 'bytes=0-9')
    partial.assertStatus(206)
    assert.equal(partial.header('content-range'), `bytes 0-9/${variant.bytes}`)

    // The original stays private once ready too, whatever the path tricks.
    for (const path of [
      publicPath(media.originalKey),
      `/media/${media.publicId}/${variant.key.split('/')[2]}/original`,
      `/media/${media.publicId}/${variant.key.split('/')[2]}/..%2Foriginal`,
      `/media/not-a-uuid/x/w320.webp`,
    ]) {
      const response = await client.get(path)
      assert.equal(response.status(), 404, path)
    }

    // The API shows the URL of each variant once ready.
    const { mediaJson } = await import('#kernel/media/transformers/media_transformer')
    const json = mediaJson(media)
    assert.equal(json.state, 'ready')
    assert.equal(json.variants[0].url, `${env.get('APP_URL')}/${media.variants[0].key}`)
  })

  // GET /api/v1/me/media/:id: the app waits for `ready` before it sends a report.
  /** POST /api/v1/media as the citizen: the new media's id. */
  async function uploadAs(client: any, token: string, commune: { code: string }, path: string) {
    const response = await client
      .post('/api/v1/media')
      .bearerToken(token)
      .field('collectivity', commune.code)
      .file('file', path)
    response.assertStatus(201)
    return response.body().data.id as number
  }

  test('a citizen follows their upload at /me/media/:id: pending, then ready with its variant URLs', async ({
    client,
    assert,
  }) => {
    const commune = await onboardedCommune()
    const { token } = await citizenWithToken()
    const id = await uploadAs(client, token, commune, await fixtures.png(files.dir, 400, 200))

    const pending = await client.get(`/api/v1/me/media/${id}`).bearerToken(token)
    pending.assertStatus(200)
    await assertMatchesOpenApi(pending)
    assert.deepInclude(pending.body().data, { id, state: 'pending', variants: [] })
    assert.equal(pending.header('cache-control'), 'private, no-store')

    await new ProcessMedia().handle(id)
    const ready = await client.get(`/api/v1/me/media/${id}`).bearerToken(token)
    ready.assertStatus(200)
    await assertMatchesOpenApi(ready)
    const data = ready.body().data
    assert.equal(data.state, 'ready')
    assert.isAbove(data.variants.length, 0)
    for (const variant of data.variants) {
      const served = await client.get(new URL(variant.url).pathname)
      served.assertStatus(200)
    }
  })

  test('/me/media/:id of a failed processing says why', async ({ client, assert }) => {
    const commune = await onboardedCommune()
    const { token } = await citizenWithToken()
    const whole = await fixtures.jpegWithGps(files.dir, 'whole.jpg')
    const cut = await fixtures.truncated(whole, files.dir, 'cut.jpg')
    const id = await uploadAs(client, token, commune, cut)
    await new ProcessMedia().handle(id, { isLastAttempt: true })

    const failed = await client.get(`/api/v1/me/media/${id}`).bearerToken(token)
    failed.assertStatus(200)
    await assertMatchesOpenApi(failed)
    assert.deepInclude(failed.body().data, {
      state: 'failed',
      variants: [],
      failure: { code: 'E_MEDIA_UNREADABLE', reason: "L'image est illisible ou endommagée." },
    })
  })

  test('/me/media/:id refuses another citizen’s media, an unknown id and no token', async ({
    client,
    assert,
  }) => {
    const commune = await onboardedCommune()
    const owner = await citizenWithToken()
    const other = await citizenWithToken()
    const small = await fixtures.png(files.dir, 20, 20, 'small.png')
    const id = await uploadAs(client, owner.token, commune, small)

    for (const path of [`/api/v1/me/media/${id}`, `/api/v1/me/media/${id + 1000}`]) {
      const refused = await client.get(path).bearerToken(other.token)
      refused.assertStatus(404)
      await assertMatchesOpenApi(refused)
      assert.deepEqual(refused.body().errors, [
        { code: 'E_MEDIA_NOT_FOUND', message: 'Média introuvable' },
      ])
    }
    const anonymous = await client.get(`/api/v1/me/media/${id}`)
    anonymous.assertStatus(401)
    await assertMatchesOpenApi(anonymous)
    const notAnId = await client.get('/api/v1/me/media/abc').bearerToken(owner.token)
    notAnId.assertStatus(404)
  })
})
