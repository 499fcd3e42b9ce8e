import { test } from '@japa/runner'
import { readFile } from 'node:fs/promises'
import testUtils from '@adonisjs/core/services/test_utils'
import ImportMenus from '#info/actions/import_menus'
import ImportBikeLanes from '#info/actions/import_bike_lanes'
import ImportCarpoolAreas from '#info/actions/import_carpool_areas'
import ImportPlaces from '#info/actions/import_places'
import Canteen from '#info/models/canteen'
import Menu from '#info/models/menu'
import Place from '#info/models/place'
import { smallGers } from '#tests/fixtures/info/territory'

const fixture = (name: string) => readFile(new URL(`../../fixtures/info/${name}`, import.meta.url))

test.group('Info imports', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('menus (UTF-8 with BOM, semicolons, quoted line break) with rejects and reruns', async ({
    assert,
  }) => {
    const { auch } = await smallGers()
    const file = await fixture('menus_utf8_bom_semicolon.csv')
    const report = await new ImportMenus().handle(auch.id, file)

    assert.equal(report.accepted, 7)
    assert.deepEqual(
      report.rejected.map(({ line, reason }) => ({ line, reason })),
      [
        { line: 9, reason: 'menuDate « 03/03/2030 » n’est pas une date AAAA-MM-JJ' },
        { line: 10, reason: 'allergène « kiwi » hors des 14 allergènes réglementaires' },
      ]
    )
    assert.equal(report.created, 3)

    const school = await Canteen.findByOrFail({ collectivityId: auch.id, sourceId: '0320001A' })
    assert.equal(school.name, 'École Jean-Jaurès')
    assert.equal(school.type, 'elementaire')
    assert.equal(school.status, 'published')
    const lunch = await Menu.query()
      .where({ canteenId: school.id, meal: 'dejeuner' })
      .where('date', '2030-03-02')
      .firstOrFail()
    assert.deepEqual(
      lunch.dishes.map((dish) => dish.course),
      ['entree', 'plat', 'accompagnement', 'fromage', 'dessert']
    )
    assert.equal(lunch.dishes[1].name, 'Magret de canard,\nsauce au poivre')
    assert.sameMembers(lunch.dishes[1].labels, ['label_rouge', 'igp'])
    assert.sameMembers(lunch.dishes[1].allergens, ['lait', 'celeri'])
    assert.sameMembers(lunch.dishes[0].labels, ['bio', 'local'])
    assert.sameMembers(lunch.dishes[2].labels, ['vegetarien'])
    assert.sameMembers(lunch.dishes[4].allergens, ['gluten', 'oeufs', 'lait'])
    const creche = await Canteen.findByOrFail({
      collectivityId: auch.id,
      name: 'Crèche Les Petits Gascons',
    })
    assert.equal(creche.type, 'creche')

    const rerun = await new ImportMenus().handle(auch.id, file)
    assert.equal(rerun.created, 0)
    assert.equal(rerun.updated, 3)
    const counts = await Menu.query().where('collectivity_id', auch.id).count('* as total')
    assert.equal(Number(counts[0].$extras.total), 3)
    const canteens = await Canteen.query().where('collectivity_id', auch.id).count('* as total')
    assert.equal(Number(canteens[0].$extras.total), 2)
  })

  test('menus in Latin-1 with commas', async ({ assert }) => {
    const { auch } = await smallGers()
    const report = await new ImportMenus().handle(auch.id, await fixture('menus_latin1_comma.csv'))
    assert.equal(report.accepted, 2)
    assert.deepEqual(report.rejected, [
      { line: 4, sourceId: undefined, reason: 'menuRepasType « souper » non géré' },
    ])
    const college = await Canteen.findByOrFail({ collectivityId: auch.id, sourceId: '0320002B' })
    assert.equal(college.name, 'Collège Salinis')
    assert.equal(college.type, 'college')
    const menu = await Menu.findByOrFail({ canteenId: college.id })
    assert.equal(menu.dishes[0].name, 'Pâté en croûte, cornichons')
    assert.sameMembers(menu.dishes[0].allergens, ['gluten', 'oeufs', 'moutarde'])
    assert.deepEqual(menu.dishes[1].labels, ['local'])
  })

  test('a file missing required columns or unreadable is refused as a whole', async ({
    assert,
  }) => {
    const { auch } = await smallGers()
    await assert.rejects(
      () => new ImportMenus().handle(auch.id, Buffer.from('a;b\n1;2\n')),
      'Colonnes obligatoires absentes : menuRestaurantNom, menuDate, menuRepasType, menuPlatType, menuPlatNom'
    )
    await assert.rejects(
      () =>
        new ImportPlaces().handle(auch.id, Buffer.from('id;categorie;nom\n"X;autre;non fermé\n')),
      /Fichier CSV illisible/
    )
    await assert.rejects(
      () => new ImportBikeLanes().handle(auch.id, Buffer.from('{"type":')),
      /GeoJSON illisible/
    )
  })

  test('bike lanes: lines accepted, other geometries rejected, rerun updates', async ({
    assert,
  }) => {
    const { epci } = await smallGers()
    const file = await fixture('bike_lanes.geojson')
    const report = await new ImportBikeLanes().handle(epci.id, file)
    assert.equal(report.accepted, 3)
    assert.deepEqual(
      report.rejected.map(({ line, reason }) => ({ line, reason })),
      [
        {
          line: 4,
          reason:
            'Géométrie invalide : géométrie de type Point refusée (attendu : LineString ou MultiLineString)',
        },
        {
          line: 5,
          reason: 'Géométrie invalide : coordonnées invalides pour une géométrie LineString',
        },
        { line: 6, reason: 'objet sans id_local ni id_osm' },
      ]
    )
    const greenway = await Place.findByOrFail({ collectivityId: epci.id, sourceId: 'AUCH-2' })
    assert.equal(greenway.category, 'bike_lane')
    assert.equal(greenway.name, 'Voie verte — itinéraire V82')
    assert.equal(greenway.geometry?.type, 'LineString')
    assert.equal(greenway.lat, 43.639)
    assert.equal(greenway.lng, 0.5901)
    assert.equal(greenway.details.ame_d, 'VOIE VERTE')

    const rerun = await new ImportBikeLanes().handle(epci.id, file)
    assert.equal(rerun.created, 0)
    assert.equal(rerun.updated, 3)
  })

  test('carpool areas: closed ones kept unpublished, bad hours and positions rejected', async ({
    assert,
  }) => {
    const { departement } = await smallGers()
    const report = await new ImportCarpoolAreas().handle(
      departement.id,
      await fixture('carpool.csv')
    )
    assert.equal(report.accepted, 4)
    const reasons = Object.fromEntries(report.rejected.map((row) => [row.sourceId, row.reason]))
    assert.lengthOf(report.rejected, 3)
    assert.match(
      reasons['32013-C-005'],
      /^Horaires d’ouverture invalides : Lundi ma <--- \(Caractère inattendu.* Exemple : « Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00; PH off »/
    )
    const frenchHours = await Place.findByOrFail({ sourceId: '32013-C-003' })
    assert.equal(frenchHours.openingHours, 'Mo-Fr 08:00-18:00')
    assert.equal(reasons['32013-C-004'], 'coordonnées Xlong/Ylat absentes ou non numériques')
    assert.equal(reasons['BAD-ID'], 'id_lieu « BAD-ID » ne suit pas le motif INSEE-C-NNN')

    const garros = await Place.findByOrFail({ sourceId: '32013-C-001' })
    assert.equal(garros.category, 'carpool_area')
    assert.equal(garros.status, 'published')
    assert.equal(garros.lat, 43.6312)
    assert.equal(garros.openingHours, '24/7')
    assert.equal(garros.details.capacity, 40)
    assert.deepEqual(garros.tags, ['accessible'])
    const lectoure = await Place.findByOrFail({ sourceId: '32208-C-001' })
    assert.equal(lectoure.status, 'draft')
    assert.equal(lectoure.description, 'Fermée pour travaux\njusqu’en juin'.replace('’', "'"))
  })

  test('generic places CSV in Latin-1 with semicolons', async ({ assert }) => {
    const { auch } = await smallGers()
    const report = await new ImportPlaces().handle(
      auch.id,
      await fixture('places_latin1_semicolon.csv')
    )
    assert.equal(report.accepted, 4)
    const reasons = Object.fromEntries(report.rejected.map((row) => [row.sourceId, row.reason]))
    assert.equal(reasons['BAD-1'], 'catégorie inconnue « ovni »')
    assert.match(reasons['BAD-2'], /^Horaires d’ouverture invalides : /)
    assert.equal(reasons['BAD-3'], 'latitude/longitude non numériques ou incomplètes')

    const farm = await Place.findByOrFail({ sourceId: 'FERME-1' })
    assert.equal(farm.category, 'producer')
    assert.equal(farm.description, 'Canards gras élevés en plein air.\nVente à la ferme.')
    assert.equal(farm.lat, 43.6521)
    assert.equal(farm.lng, 0.5612)
    assert.deepEqual(farm.tags, ['bio', 'local'])
    assert.deepEqual(farm.details.products, ['foie gras', 'magret', 'confit'])
    assert.equal(farm.openingHours, 'Fr 16:00-19:00; Sa 09:00-12:00')
    const hotel = await Place.findByOrFail({ sourceId: 'HOTEL-1' })
    assert.equal(hotel.category, 'accommodation')
    assert.equal(hotel.details.capacity, 29)
    assert.equal(hotel.name, 'Hôtel de France')
  })
})
