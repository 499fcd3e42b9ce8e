import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import Menu from '#info/models/menu'
import SaveCanteen from '#info/actions/save_canteen'
import PublishContent from '#info/actions/publish_content'
import { switchOn, territory } from '#tests/functional/tenancy/fixtures'

type Territory = Awaited<ReturnType<typeof territory>>

/** Commune A with canteens switched on and one published canteen. */
async function canteenOfA(t: Territory) {
  t.communeA.modules = { canteens: { enabled: true, settings: { showAllergens: true } } }
  await t.communeA.save()
  const canteen = await new SaveCanteen().handle(t.communeA.id, {
    name: 'École du Garros',
    type: 'elementaire',
  })
  await new PublishContent().handle({ type: 'canteen', id: canteen.id })
  return canteen
}

const lunch = {
  date: '2031-05-12',
  meal: 'dejeuner',
  dishes: [
    { course: 'entree', name: 'Salade de lentilles', labels: ['bio'], allergens: ['moutarde'] },
    { course: 'plat', name: 'Poule au pot', labels: ['local', 'label_rouge'], allergens: [] },
    { course: 'dessert', name: 'Pastis gascon', labels: [], allergens: ['gluten', 'oeufs'] },
  ],
}

test.group('Info back-office: canteen menus', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an editor writes a menu in draft, publishes it, citizens see it, unpublishes it', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const canteen = await canteenOfA(t)
    const menusApi = `/api/v1/collectivities/${t.communeA.code}/canteens/${canteen.id}/menus`

    const created = await client
      .post(`/info/canteens/${canteen.id}/menus`)
      .withCsrfToken()
      .redirects(0)
      .json(lunch)
      .loginAs(t.editorA)
    created.assertStatus(302)
    const menu = await Menu.findByOrFail({ canteenId: canteen.id })
    assert.equal(created.header('location'), `/info/canteens?edit=${canteen.id}&menu=${menu.id}`)
    assert.equal(menu.status, 'draft')
    assert.deepEqual(menu.dishes[1].labels, ['local', 'label_rouge'])

    const page = await client
      .get(`/info/canteens?edit=${canteen.id}&menu=${menu.id}`)
      .withInertia()
      .loginAs(t.editorA)
    page.assertStatus(200)
    const { canteenMenus, options } = page.body().props
    assert.equal(canteenMenus.editingMenu.id, menu.id)
    assert.equal(canteenMenus.editingMenu.state, 'draft')
    assert.lengthOf(canteenMenus.menus, 1)
    assert.lengthOf(options.allergens, 14)

    const draftSeen = await client.get(menusApi).qs({ from: '2031-05-11', to: '2031-05-15' })
    assert.lengthOf(draftSeen.body().data.menus, 0)

    const published = await client
      .post(`/info/menus/${menu.id}/publish`)
      .withCsrfToken()
      .redirects(0)
      .loginAs(t.editorA)
    published.assertStatus(302)
    const seen = await client.get(menusApi).qs({ from: '2031-05-11', to: '2031-05-15' })
    assert.deepEqual(
      seen.body().data.menus.map((entry: any) => entry.dishes.map((dish: any) => dish.name)),
      [['Salade de lentilles', 'Poule au pot', 'Pastis gascon']]
    )

    // Editing keeps the state; the dishes change for citizens at once.
    const edited = await client
      .put(`/info/canteens/${canteen.id}/menus/${menu.id}`)
      .withCsrfToken()
      .redirects(0)
      .json({ ...lunch, dishes: [{ course: 'plat', name: 'Garbure', allergens: ['celeri'] }] })
      .loginAs(t.editorA)
    edited.assertStatus(302)
    const after = await client.get(menusApi).qs({ from: '2031-05-11', to: '2031-05-15' })
    assert.deepEqual(after.body().data.menus[0].dishes, [
      { course: 'plat', name: 'Garbure', labels: [], allergens: ['celeri'] },
    ])

    const unpublished = await client
      .post(`/info/menus/${menu.id}/unpublish`)
      .withCsrfToken()
      .redirects(0)
      .loginAs(t.editorA)
    unpublished.assertStatus(302)
    await menu.refresh()
    assert.equal(menu.status, 'draft')
    const gone = await client.get(menusApi).qs({ from: '2031-05-11', to: '2031-05-15' })
    assert.lengthOf(gone.body().data.menus, 0)
  })

  test('bad menus answer in French on the field, never a 500', async ({ client, assert }) => {
    const t = await territory()
    const canteen = await canteenOfA(t)
    const post = (body: Record<string, unknown>) =>
      client
        .post(`/info/canteens/${canteen.id}/menus`)
        .withCsrfToken()
        .accept('json')
        .json(body)
        .loginAs(t.editorA)

    const noDate = await post({ ...lunch, date: '' })
    noDate.assertStatus(422)
    assert.equal(noDate.body().errors[0].field, 'date')
    assert.match(noDate.body().errors[0].message, /obligatoire|format/)

    const impossible = await post({ ...lunch, date: '2031-02-30' })
    impossible.assertStatus(422)
    assert.equal(impossible.body().errors[0].field, 'date')
    assert.match(impossible.body().errors[0].message, /^Date du menu invalide/)

    const allergen = await post({
      ...lunch,
      dishes: [{ course: 'plat', name: 'Pâtes', allergens: ['gluten', 'tomate'] }],
    })
    allergen.assertStatus(422)
    assert.equal(allergen.body().errors[0].field, 'dishes.0.allergens.1')
    assert.match(allergen.body().errors[0].message, /n'est pas autorisée/)

    const course = await post({ ...lunch, dishes: [{ course: 'hors_d_oeuvre', name: 'Radis' }] })
    course.assertStatus(422)
    assert.equal(course.body().errors[0].field, 'dishes.0.course')

    const nameless = await post({ ...lunch, dishes: [{ course: 'plat', name: '' }] })
    nameless.assertStatus(422)
    assert.equal(nameless.body().errors[0].field, 'dishes.0.name')

    const empty = await post({ ...lunch, dishes: [] })
    empty.assertStatus(422)
    assert.deepInclude(empty.body().errors[0], {
      field: 'dishes',
      message: 'Un menu compte au moins un plat',
    })

    // Moving a menu onto a meal that already has one is refused on the date.
    for (const date of ['2031-05-12', '2031-05-13']) {
      const saved = await client
        .post(`/info/canteens/${canteen.id}/menus`)
        .withCsrfToken()
        .redirects(0)
        .json({ ...lunch, date })
        .loginAs(t.editorA)
      saved.assertStatus(302)
    }
    const second = await Menu.query().where('date', '2031-05-13').firstOrFail()
    const clash = await client
      .put(`/info/canteens/${canteen.id}/menus/${second.id}`)
      .withCsrfToken()
      .accept('json')
      .json(lunch)
      .loginAs(t.editorA)
    clash.assertStatus(422)
    assert.equal(clash.body().errors[0].code, 'E_MENU_EXISTS')
    assert.equal(clash.body().errors[0].field, 'date')
    assert.lengthOf(await Menu.query().where('canteen_id', canteen.id), 2)
  })

  test('another authority’s canteen or menu is out of reach (404)', async ({ client, assert }) => {
    const t = await territory()
    const canteen = await canteenOfA(t)
    // B has canteens too: its agent reaches the pages, not A's rows.
    await switchOn([t.communeB], ['canteens'])
    await client
      .post(`/info/canteens/${canteen.id}/menus`)
      .withCsrfToken()
      .json(lunch)
      .loginAs(t.editorA)
    const menu = await Menu.findByOrFail({ canteenId: canteen.id })

    const onCanteen = await client
      .post(`/info/canteens/${canteen.id}/menus`)
      .withCsrfToken()
      .redirects(0)
      .json({ ...lunch, date: '2031-05-14' })
      .loginAs(t.adminB)
    onCanteen.assertStatus(404)
    const publish = await client
      .post(`/info/menus/${menu.id}/publish`)
      .withCsrfToken()
      .redirects(0)
      .loginAs(t.adminB)
    publish.assertStatus(404)
    const page = await client
      .get(`/info/canteens?edit=${canteen.id}&menu=${menu.id}`)
      .withInertia()
      .loginAs(t.adminB)
    page.assertStatus(404)
    await menu.refresh()
    assert.equal(menu.status, 'draft')
    assert.lengthOf(await Menu.query().where('canteen_id', canteen.id), 1)
  })
})
