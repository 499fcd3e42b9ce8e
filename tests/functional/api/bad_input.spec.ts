/*
| One test per class of bad input found in the hardening review (issue 7): each sends it,
| asserts the status and the error code, and that nothing was written.
*/
import { gzipSync } from 'node:zlib'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import env from '#start/env'
import Event from '#info/models/event'
import News from '#info/models/news'
import Place from '#info/models/place'
import SavePlace from '#info/actions/save_place'
import PublishContent from '#info/actions/publish_content'
import ImportPlaces from '#info/actions/import_places'
import ImportMenus from '#info/actions/import_menus'
import Canteen from '#info/models/canteen'
import Menu from '#info/models/menu'
import { switchOn, territory } from '#tests/functional/tenancy/fixtures'
import { smallGers } from '#tests/fixtures/info/territory'
import { allFeatures } from '#kernel/modules/registry'
import { EVENT_CATEGORIES } from '#info/vocabulary'
import { citizenWithToken, ensureCommune } from '#tests/helpers/citizens'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'

const BASE = `http://${env.get('HOST')}:${env.get('PORT')}`
const forge = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url')

interface ErrorBody {
  errors: { code: string; message: string; field?: string }[]
}

test.group('Bad input: each class answers a clear 4xx and writes nothing', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('forged cursors of every listing are a 400 E_INVALID_CURSOR', async ({ client, assert }) => {
    const { auch } = await smallGers(
      Object.fromEntries(allFeatures().map(({ key }) => [key, { enabled: true, settings: {} }]))
    )
    const code = auch.code
    const { token } = await citizenWithToken()
    const cases: Array<[string, string]> = [
      ['/news', forge(['info.news', '1|2026-99-99T00:00:00Z', 1])],
      ['/events', forge(['info.events', 'pas une date', 1])],
      ['/events', forge(['info.events', '2026-01-01T00:00:00.000Z', 2 ** 31])],
      ['/feed', forge(['info.feed', '2026-01-01T00:00:00+99:99', 1])],
      ['/places', forge(['info.places', 'nom\u0000', 1])],
      ['/contacts', forge(['info.contacts', 2 ** 40, 1])],
      ['/canteens', forge(['info.canteens', { $gt: '' }, 1])],
    ]
    for (const [listing, cursor] of cases) {
      const response = await client.get(`/api/v1/collectivities/${code}${listing}`).qs({ cursor })
      response.assertStatus(400)
      await assertMatchesOpenApi(response)
      assert.deepInclude((response.body() as ErrorBody).errors[0], {
        code: 'E_INVALID_CURSOR',
        field: 'cursor',
      })
    }
    const sessions = await client
      .get('/api/v1/auth/sessions')
      .qs({ cursor: forge(['citizen.sessions', '2026-02-30T00:00:00Z', 1]) })
      .bearerToken(token)
    sessions.assertStatus(400)
    assert.equal((sessions.body() as ErrorBody).errors[0].code, 'E_INVALID_CURSOR')
  })

  test('a NUL byte anywhere is a 400 E_INVALID_CHARACTER naming the field', async ({ assert }) => {
    const { citizen, token } = await citizenWithToken()
    const renamed = await fetch(`${BASE}/api/v1/auth/me`, {
      method: 'PATCH',
      headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"display_name":"Camille\\u0000"}',
    })
    assert.equal(renamed.status, 400)
    assert.deepEqual(((await renamed.json()) as ErrorBody).errors[0], {
      code: 'E_INVALID_CHARACTER',
      message: 'Le caractère nul (U+0000) n’est pas accepté',
      field: 'display_name',
    })
    await citizen.refresh()
    assert.equal(citizen.displayName, 'Camille Citoyenne')

    for (const [path, field] of [
      ['/api/v1/collectivities?q=Auch%00', 'q'],
      ['/api/v1/collectivities/32013%00/feed', 'code'],
    ]) {
      const response = await fetch(`${BASE}${path}`)
      assert.equal(response.status, 400, path)
      assert.equal(((await response.json()) as ErrorBody).errors[0].field, field)
    }
  })

  test('a NUL byte in a back-office form comes back to the form, next to its field', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const asJson = await client
      .post('/info/news')
      .withCsrfToken()
      .header('accept', 'application/json')
      .json({ title: 'Titre\u0000caché' })
      .loginAs(t.editorA)
    asJson.assertStatus(400)
    assert.deepEqual(asJson.body(), {
      errors: [
        {
          code: 'E_INVALID_CHARACTER',
          message: 'Le caractère nul (U+0000) n’est pas accepté',
          field: 'title',
        },
      ],
    })

    // What the agent's browser sends: an Inertia form post, answered by the validation-error
    // redirect back to the form, with the input kept (not the framework's bare 400 page).
    const fromForm = await client
      .post('/info/news')
      .withInertia()
      .withCsrfToken()
      .header('referer', '/info/news?edit=new')
      .redirects(0)
      .json({ title: 'Titre\u0000caché', body: '<p>Texte gardé</p>' })
      .loginAs(t.editorA)
    fromForm.assertStatus(302)
    fromForm.assertHeader('location', '/info/news?edit=new')
    fromForm.assertFlashMessage('inputErrorsBag', {
      title: ['Le caractère nul (U+0000) n’est pas accepté'],
    })
    assert.equal(fromForm.flashMessages().body, '<p>Texte gardé</p>')
    assert.equal(fromForm.flashMessages().title, 'Titre\u0000caché')
    assert.isNull(await News.findBy('collectivityId', t.communeA.id))
  })

  test('ids past 2³¹ are a 404 in URLs and a 422 in forms, never an SQL error', async ({
    client,
    assert,
  }) => {
    const { code } = await ensureCommune()
    for (const path of ['/news/2147483648', '/places/99999999999', '/canteens/1e3/menus']) {
      const response = await client.get(`/api/v1/collectivities/${code}${path}`)
      response.assertStatus(404)
      assert.equal((response.body() as ErrorBody).errors[0].code, 'E_ROUTE_NOT_FOUND')
    }

    const t = await territory()
    const logo = await client
      .put('/settings/branding')
      .withCsrfToken()
      .header('accept', 'application/json')
      .json({ colour: '#112233', logoMediaId: 99_999_999_999 })
      .loginAs(t.adminA)
    logo.assertStatus(422)
    assert.equal((logo.body() as ErrorBody).errors[0].field, 'logoMediaId')
    await t.communeA.refresh()
    assert.notEqual(t.communeA.branding.colour, '#112233')

    const switched = await client
      .put('/authority')
      .withCsrfToken()
      .header('accept', 'application/json')
      .json({ collectivityId: 2 ** 31 })
      .loginAs(t.adminA)
    switched.assertStatus(422)
    assert.equal((switched.body() as ErrorBody).errors[0].field, 'collectivityId')

    const edit = await client
      .get('/info/news')
      .qs({ edit: '99999999999' })
      .header('accept', 'application/json')
      .loginAs(t.editorA)
    edit.assertStatus(422)
    assert.equal((edit.body() as ErrorBody).errors[0].field, 'edit')

    const agent = await client
      .put('/agents/99999999999')
      .withCsrfToken()
      .json({ role: 'editor' })
      .loginAs(t.adminA)
    agent.assertStatus(404)
  })

  test('a body that is not what its Content-Encoding says is a 400; an unknown one a 415', async ({
    assert,
  }) => {
    const { citizen, token } = await citizenWithToken()
    const send = (encoding: string, body: Buffer) =>
      fetch(`${BASE}/api/v1/auth/me`, {
        method: 'PATCH',
        headers: {
          'authorization': `Bearer ${token}`,
          'content-type': 'application/json',
          'content-encoding': encoding,
        },
        body,
      })
    const renamed = Buffer.from('{"display_name":"Dominique"}')
    for (const [encoding, body] of [
      ['gzip', renamed],
      ['deflate', renamed],
      ['br', Buffer.from([166, 6, 211])],
      ['gzip', gzipSync(renamed).subarray(0, 15)],
    ] as const) {
      const response = await send(encoding, body)
      assert.equal(response.status, 400, encoding)
      assert.equal(((await response.json()) as ErrorBody).errors[0].code, 'E_INVALID_BODY_ENCODING')
    }
    const unknown = await send('zstd-maybe', renamed)
    assert.equal(unknown.status, 415)
    assert.equal(((await unknown.json()) as ErrorBody).errors[0].code, 'E_UNSUPPORTED_ENCODING')
    await citizen.refresh()
    assert.equal(citizen.displayName, 'Camille Citoyenne')

    // A real gzip body still works.
    const gzipped = await send('gzip', gzipSync(renamed))
    assert.equal(gzipped.status, 200)
    await citizen.refresh()
    assert.equal(citizen.displayName, 'Dominique')
  })

  test('a URL whose % escapes cannot be decoded is a JSON 400', async ({ assert }) => {
    const response = await fetch(`${BASE}/api/v1/collectivities/%E0%A4%A`)
    assert.equal(response.status, 400)
    assert.deepEqual(((await response.json()) as ErrorBody).errors[0].code, 'E_BAD_URL')
  })

  test('a places CSV row over the form’s limits is rejected with its line; the others import', async ({
    assert,
  }) => {
    const { communeA } = await territory()
    const csv = [
      'id;categorie;nom;latitude;longitude',
      'P1;marche;Marché du samedi;43.6465;0.5855',
      `P2;marche;${'N'.repeat(300)};43.6465;0.5855`,
      'P3;marche;Coordonnées inversées;0.5855;43.6465',
      'P4;producteur;Ferme du Gers;43.7;0.6',
    ].join('\n')
    const report = await new ImportPlaces().handle(communeA.id, Buffer.from(csv))
    assert.equal(report.accepted, 2)
    assert.deepEqual(
      report.rejected.map(({ line, sourceId, reason }) => ({ line, sourceId, reason })),
      [
        { line: 3, sourceId: 'P2', reason: 'name : Au plus 255 caractères' },
        {
          line: 4,
          sourceId: 'P3',
          reason: 'Position hors de France : 0.5855, 43.6465 (latitude et longitude inversées ?)',
        },
      ]
    )
    const names = await Place.query().where('collectivityId', communeA.id).orderBy('sourceId')
    assert.deepEqual(
      names.map((place) => place.sourceId),
      ['P1', 'P4']
    )
  })

  test('a menus CSV row over the forms’ limits (canteen name, dish) is rejected; the others import', async ({
    assert,
  }) => {
    const { communeA } = await territory()
    const row = (canteen: string, id: string, dish: string) =>
      `${canteen};${id};sans;élémentaire;2030-03-02;déjeuner;plat principal;${dish}`
    const csv = [
      'menuRestaurantNom;menuRestaurantId;menuRestaurantIdType;menuRestaurantType;menuDate;menuRepasType;menuPlatType;menuPlatNom',
      row('École du Garros', '', 'Garbure gersoise'),
      row('C'.repeat(256), '', 'Poulet rôti'),
      row('École du Garros', '', 'P'.repeat(161)),
      row(`  ${'É'.repeat(255)}  `, '', 'Haricots verts'),
    ].join('\n')
    const report = await new ImportMenus().handle(communeA.id, Buffer.from(csv))
    assert.equal(report.accepted, 2)
    assert.deepEqual(
      report.rejected.map(({ line, reason }) => ({ line, reason })),
      [
        { line: 3, reason: 'menuRestaurantNom : Au plus 255 caractères' },
        { line: 4, reason: 'menuPlatNom : Au plus 160 caractères' },
      ]
    )
    const canteens = await Canteen.query().where('collectivityId', communeA.id).orderBy('name')
    assert.deepEqual(
      canteens.map((canteen) => canteen.name),
      ['École du Garros', 'É'.repeat(255)]
    )
    const menu = await Menu.findByOrFail({ canteenId: canteens[0].id })
    assert.deepEqual(
      menu.dishes.map((dish) => dish.name),
      ['Garbure gersoise']
    )
  })

  test('offsets like +99:99 and the spring-forward hour are refused; nothing is created', async ({
    client,
    assert,
  }) => {
    const { code } = await ensureCommune()
    const shifted = await client
      .get(`/api/v1/collectivities/${code}/events`)
      .qs({ from: '2026-07-14T10:00+99:99' })
    shifted.assertStatus(422)
    await assertMatchesOpenApi(shifted)
    assert.deepInclude((shifted.body() as ErrorBody).errors[0], {
      code: 'E_INVALID_DATE',
      field: 'from',
    })

    const t = await territory()
    const create = (startsAt: string) =>
      client
        .post('/info/events')
        .withCsrfToken()
        .header('accept', 'application/json')
        .json({
          title: 'Bal du printemps',
          category: EVENT_CATEGORIES[0],
          startsAt,
          endsAt: '2026-03-29T23:00',
        })
        .loginAs(t.editorA)
    const offset = await create('2026-03-29T20:00+99:99')
    offset.assertStatus(422)
    assert.equal((offset.body() as ErrorBody).errors[0].code, 'E_INVALID_DATE')
    const skipped = await create('2026-03-29T02:30')
    skipped.assertStatus(422)
    assert.deepEqual((skipped.body() as ErrorBody).errors[0], {
      code: 'E_NONEXISTENT_LOCAL_TIME',
      field: 'startsAt',
      message:
        'L’heure 02:30 n’existe pas le 29 mars 2026 (passage à l’heure d’été) : choisissez 03:30 ou plus tard',
    })
    assert.isNull(await Event.query().where('title', 'Bal du printemps').first())
  })

  test('places and events outside France are refused (swapped latitude and longitude)', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await switchOn([t.communeA], ['markets'])
    const place = await client
      .post('/info/places')
      .withCsrfToken()
      .header('accept', 'application/json')
      .json({ category: 'market', name: 'Marché inversé', lat: 0.5855, lng: 43.6465 })
      .loginAs(t.editorA)
    place.assertStatus(422)
    assert.deepInclude((place.body() as ErrorBody).errors[0], {
      code: 'E_OUTSIDE_FRANCE',
      field: 'lat',
    })
    assert.isNull(await Place.findBy('name', 'Marché inversé'))

    const event = await client
      .post('/info/events')
      .withCsrfToken()
      .header('accept', 'application/json')
      .json({
        title: 'Concert à Berlin',
        category: EVENT_CATEGORIES[0],
        startsAt: '2026-07-14T20:00',
        endsAt: '2026-07-14T23:00',
        lat: 52.52,
        lng: 13.4,
      })
      .loginAs(t.editorA)
    event.assertStatus(422)
    assert.equal((event.body() as ErrorBody).errors[0].code, 'E_OUTSIDE_FRANCE')
    assert.isNull(await Event.query().where('title', 'Concert à Berlin').first())
  })

  test('near=lat,lng and bbox=w,s,e,n accept a raw comma', async ({ assert }) => {
    const { communeA } = await territory()
    communeA.modules = { markets: { enabled: true, settings: {} } }
    await communeA.save()
    const market = await new SavePlace().handle(communeA.id, {
      category: 'market',
      name: 'Marché d’Auch',
      lat: 43.6465,
      lng: 0.5855,
    })
    await new PublishContent().handle({ type: 'place', id: market.id })
    const base = `${BASE}/api/v1/collectivities/${communeA.code}/places`
    for (const query of ['near=43.6465,0.5855&radius=1000', 'bbox=0.5,43.6,0.7,43.7']) {
      const response = await fetch(`${base}?${query}`)
      assert.equal(response.status, 200, `${query}: ${await response.clone().text()}`)
      const names = ((await response.json()) as { data: { name: string }[] }).data
      assert.deepEqual(
        names.map((place) => place.name),
        ['Marché d’Auch'],
        query
      )
    }
    const elsewhere = await fetch(`${base}?bbox=1.0,44.0,1.1,44.1`)
    assert.lengthOf(((await elsewhere.json()) as { data: unknown[] }).data, 0)
  })

  test('subnormal coordinates for nearby reports are an answer, not an SQL underflow', async ({
    assert,
  }) => {
    const response = await fetch(`${BASE}/api/v1/reports/nearby?lat=-5.4e-323&lng=9.4e-323`)
    assert.equal(response.status, 200, await response.clone().text())
    assert.deepEqual(((await response.json()) as { data: unknown[] }).data, [])
  })
})
