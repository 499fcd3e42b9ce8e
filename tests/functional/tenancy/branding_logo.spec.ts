import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import testUtils from '@adonisjs/core/services/test_utils'
import Media from '#kernel/media/models/media'
import Collectivity from '#kernel/territories/models/collectivity'
import { LOGO_MAX_BYTES } from '#kernel/tenancy/actions/update_branding'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { territory } from './fixtures.js'

/** A media record as the pipeline leaves it (the routes under test never read its files). */
function mediaFor(
  collectivityId: number,
  values: Partial<Pick<Media, 'kind' | 'state' | 'bytes'>> = {}
) {
  const publicId = randomUUID()
  const ready = (values.state ?? 'ready') === 'ready'
  return Media.create({
    publicId,
    collectivityId,
    uploaderType: null,
    uploaderId: null,
    kind: values.kind ?? 'image',
    state: values.state ?? 'ready',
    mime: 'image/png',
    bytes: values.bytes ?? 20_000,
    width: 640,
    height: 320,
    originalKey: `media/${publicId}/original`,
    variants: ready
      ? [
          {
            name: 'w320',
            key: `media/${publicId}/1/w320.webp`,
            mime: 'image/webp',
            width: 320,
            height: 160,
            bytes: 900,
          },
          {
            name: 'w320',
            key: `media/${publicId}/1/w320.jpg`,
            mime: 'image/jpeg',
            width: 320,
            height: 160,
            bytes: 1200,
          },
          {
            name: 'w800',
            key: `media/${publicId}/1/w800.webp`,
            mime: 'image/webp',
            width: 640,
            height: 320,
            bytes: 3000,
          },
        ]
      : [],
    placeholder: null,
    attempts: 0,
  })
}

/**
 * Issue 10, item 3 (and issue 7): the authority's logo is an upload checked like content
 * images, shown once ready in the back-office header and served with the brand colour in the
 * citizen API's collectivity detail.
 */
test.group('Branding: uploaded logo and colour', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  /** The fixtures' codes are not INSEE-shaped: give both communes real-looking ones. */
  async function withInseeCodes() {
    const t = await territory()
    await t.communeA.merge({ code: '32901' }).save()
    await t.communeB.merge({ code: '32902' }).save()
    return t
  }

  const saveBranding = (client: any, agent: any, body: Record<string, unknown>) =>
    client
      .put('/settings/branding')
      .header('accept', 'application/json')
      .withCsrfToken()
      .redirects(0)
      .json(body)
      .loginAs(agent)

  test('a ready logo and the colour reach the header and the citizen API', async ({
    client,
    assert,
  }) => {
    const t = await withInseeCodes()
    const logo = await mediaFor(t.communeA.id)
    const saved = await saveBranding(client, t.adminA, { colour: '#AA3300', logoMediaId: logo.id })
    assert.include([302, 303], saved.status())

    const page = await client.get('/settings').withInertia().loginAs(t.adminA)
    const authority = page.inertiaProps.authority
    assert.equal(authority.colour, '#aa3300')
    assert.match(authority.logoUrl, new RegExp(`/media/${logo.publicId}/1/w320\\.webp$`))
    assert.equal(page.inertiaProps.branding.logo.state, 'ready')

    const detail = await client.get(`/api/v1/collectivities/${t.communeA.code}`)
    detail.assertStatus(200)
    await assertMatchesOpenApi(detail)
    const branding = detail.body().data.branding
    assert.equal(branding.colour, '#aa3300')
    assert.match(branding.logo.url, /w320\.webp$/)
    assert.lengthOf(branding.logo.variants, 3)

    const other = await client.get(`/api/v1/collectivities/${t.communeB.code}`)
    assert.deepEqual(other.body().data.branding, { colour: null, logo: null })
  })

  test('a logo still processing is kept but not served; removing it clears it', async ({
    client,
    assert,
  }) => {
    const t = await withInseeCodes()
    const pending = await mediaFor(t.communeA.id, { state: 'pending' })
    await saveBranding(client, t.adminA, { logoMediaId: pending.id })
    const detail = await client.get(`/api/v1/collectivities/${t.communeA.code}`)
    assert.isNull(detail.body().data.branding.logo)
    await saveBranding(client, t.adminA, { logoMediaId: null })
    const collectivity = await Collectivity.findOrFail(t.communeA.id)
    assert.isNull(collectivity.branding.logoMediaId)
  })

  test('an oversized, non-image, failed or foreign logo is refused in French', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const cases: Array<[Media, number, RegExp]> = [
      [await mediaFor(t.communeA.id, { bytes: LOGO_MAX_BYTES + 1 }), 413, /dépasse 2 Mo/],
      [await mediaFor(t.communeA.id, { kind: 'video' }), 422, /doit être une image/],
      [await mediaFor(t.communeA.id, { state: 'failed' }), 422, /n’a pas pu être traité/],
      [await mediaFor(t.communeB.id), 422, /Logo introuvable/],
    ]
    for (const [media, status, message] of cases) {
      const response = await saveBranding(client, t.adminA, { logoMediaId: media.id })
      response.assertStatus(status)
      assert.equal(response.body().errors[0].field, 'logoMediaId')
      assert.match(response.body().errors[0].message, message)
    }
    const collectivity = await Collectivity.findOrFail(t.communeA.id)
    assert.isUndefined(collectivity.branding.logoMediaId)
  })
})
