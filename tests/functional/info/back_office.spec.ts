import { test } from '@japa/runner'
import { fileURLToPath } from 'node:url'
import testUtils from '@adonisjs/core/services/test_utils'
import News from '#info/models/news'
import Place from '#info/models/place'
import { switchOn, territory } from '#tests/functional/tenancy/fixtures'
import type { ImportReport } from '#info/support/import_report'
import { OPENING_HOURS_EXAMPLE } from '#info/support/opening_hours'

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/info/${name}`, import.meta.url))

test.group('Info back-office', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an editor writes a news item, publishes it, and citizens of the commune see it', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const created = await client
      .post('/info/news')
      .withCsrfToken()
      .redirects(0)
      .json({ title: 'Fête de la musique', body: '<p>Place de la mairie</p><script>x()</script>' })
      .loginAs(t.editorA)
    created.assertStatus(302)
    const news = await News.findByOrFail({
      collectivityId: t.communeA.id,
      title: 'Fête de la musique',
    })
    assert.equal(created.header('location'), `/info/news?edit=${news.id}`)
    assert.equal(news.body, '<p>Place de la mairie</p>')

    const page = await client.get(`/info/news?edit=${news.id}`).withInertia().loginAs(t.editorA)
    page.assertStatus(200)
    assert.equal(page.body().component, 'info/index')
    assert.equal(page.body().props.editing.values.title, 'Fête de la musique')
    assert.equal(page.body().props.editing.preview, '<p>Place de la mairie</p>')

    const published = await client
      .post(`/info/news/${news.id}/publish`)
      .withCsrfToken()
      .redirects(0)
      .loginAs(t.editorA)
    published.assertStatus(302)
    const feed = await client.get(`/api/v1/collectivities/${t.communeA.code}/feed`)
    assert.deepEqual(
      feed.body().data.map((item: any) => [item.title, item.origin]),
      [['Fête de la musique', 'commune']]
    )

    const unpublished = await client
      .post(`/info/news/${news.id}/unpublish`)
      .withCsrfToken()
      .redirects(0)
      .loginAs(t.editorA)
    unpublished.assertStatus(302)
    const emptied = await client.get(`/api/v1/collectivities/${t.communeA.code}/feed`)
    assert.lengthOf(emptied.body().data, 0)
  })

  test('what an EPCI publishes reaches every commune of the EPCI, and stays the EPCI’s', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await client
      .post('/info/news')
      .withCsrfToken()
      .json({ title: 'Collecte des encombrants' })
      .loginAs(t.adminEpci)
    const news = await News.findByOrFail({ collectivityId: t.epci.id })
    await client.post(`/info/news/${news.id}/publish`).withCsrfToken().loginAs(t.adminEpci)
    for (const commune of [t.communeA, t.communeB]) {
      const feed = await client.get(`/api/v1/collectivities/${commune.code}/feed`)
      assert.deepEqual(
        feed.body().data.map((item: any) => [item.title, item.origin, item.authority.code]),
        [['Collecte des encombrants', 'epci', t.epci.code]]
      )
    }
    // A commune's editor sees only its own items and cannot change the EPCI's.
    const list = await client.get('/info/news').withInertia().loginAs(t.editorA)
    assert.lengthOf(list.body().props.items, 0)
    const refused = await client
      .put(`/info/news/${news.id}`)
      .withCsrfToken()
      .redirects(0)
      .json({ title: 'Détourné' })
      .loginAs(t.editorA)
    refused.assertStatus(404)
    const other = await client.get(`/info/news?edit=${news.id}`).withInertia().loginAs(t.editorA)
    other.assertStatus(404)
  })

  test('bad input answers in French on the field: validation, opening hours, dates', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await switchOn([t.communeA], ['markets', 'mobility'])
    const empty = await client
      .post('/info/news')
      .withCsrfToken()
      .accept('json')
      .json({ title: '' })
      .loginAs(t.editorA)
    empty.assertStatus(422)
    assert.equal(empty.body().errors[0].field, 'title')
    assert.match(empty.body().errors[0].message, /obligatoire|au moins/)

    const hours = await client
      .post('/info/places')
      .withCsrfToken()
      .accept('json')
      .json({ category: 'market', name: 'Marché', openingHours: 'le samedi matin' })
      .loginAs(t.editorA)
    hours.assertStatus(422)
    assert.equal(hours.body().errors[0].field, 'openingHours')
    assert.match(hours.body().errors[0].message, /^Horaires d’ouverture invalides : /)
    // With an example of the right syntax, in words.
    assert.isTrue(hours.body().errors[0].message.endsWith(OPENING_HOURS_EXAMPLE))

    const backwards = await client
      .post('/info/events')
      .withCsrfToken()
      .accept('json')
      .json({
        title: 'Bal',
        category: 'culture',
        startsAt: '2031-07-14T22:00',
        endsAt: '2031-07-14T20:00',
      })
      .loginAs(t.editorA)
    backwards.assertStatus(422)
    assert.deepEqual(backwards.body().errors[0], {
      code: 'E_EVENT_ENDS_BEFORE_START',
      message: 'L’événement ne peut pas se terminer avant de commencer',
      field: 'endsAt',
    })
    const impossible = await client
      .post('/info/events')
      .withCsrfToken()
      .accept('json')
      .json({
        title: 'Bal',
        category: 'culture',
        startsAt: '2031-02-30T22:00',
        endsAt: '2031-03-01T02:00',
      })
      .loginAs(t.editorA)
    impossible.assertStatus(422)
    assert.equal(impossible.body().errors[0].field, 'startsAt')

    const moderator = await client
      .post('/info/news')
      .withCsrfToken()
      .accept('json')
      .json({ title: 'Non' })
      .loginAs(t.moderatorA)
    moderator.assertStatus(403)
  })

  test('a place is placed on the map, scheduled, and an import is uploaded with its report', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await switchOn([t.communeA], ['markets', 'mobility'])
    await client
      .post('/info/places')
      .withCsrfToken()
      .json({
        category: 'other',
        name: 'Médiathèque',
        lat: 43.6468,
        lng: 0.5861,
        openingHours: 'Tu-Sa 10:00-18:00',
        tags: ['Accessible'],
      })
      .loginAs(t.editorA)
    const place = await Place.findByOrFail({ collectivityId: t.communeA.id, name: 'Médiathèque' })
    assert.deepEqual(place.geometry, { type: 'Point', coordinates: [0.5861, 43.6468] })
    assert.deepEqual(place.tags, ['accessible'])
    const scheduled = await client
      .post(`/info/places/${place.id}/schedule`)
      .withCsrfToken()
      .redirects(0)
      .json({ publishAt: '2099-05-01T09:00' })
      .loginAs(t.editorA)
    scheduled.assertStatus(302)
    await place.refresh()
    assert.equal(place.status, 'scheduled')
    assert.equal(place.publishAt!.toUTC().toISO(), '2099-05-01T07:00:00.000Z')

    const page = await client.get('/info/places').withInertia().loginAs(t.editorA)
    assert.deepEqual(
      page.body().props.imports.map((entry: any) => entry.kind),
      ['bike-lanes', 'carpool', 'places']
    )
    const upload = await client
      .post('/info/imports/carpool')
      .withCsrfToken()
      .redirects(0)
      .file('file', fixture('carpool.csv'))
      .loginAs(t.editorA)
    upload.assertStatus(302)
    assert.equal(upload.header('location'), '/info/places')
    upload.assertFlashMessage('success', 'Import terminé : 4 ligne(s) acceptée(s), 3 rejetée(s).')
    const report = upload.flashMessages().infoImportReport as unknown as ImportReport
    assert.equal(report.created, 4)
    assert.deepEqual(report.rejected[0], {
      line: 7,
      sourceId: '32013-C-004',
      reason: 'coordonnées Xlong/Ylat absentes ou non numériques',
    })
    assert.lengthOf(
      await Place.query().where({ collectivityId: t.communeA.id, category: 'carpool_area' }),
      4
    )
  })
})
