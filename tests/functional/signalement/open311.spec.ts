import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ace from '@adonisjs/core/services/ace'
import { XMLParser } from 'fast-xml-parser'
import Open311Key from '../../../commands/open311_key.js'
import { gersWithShapes, POINTS } from '#tests/fixtures/signalement/gers'
import Report from '#signalement/models/report'

const xml = new XMLParser()
let gers: Awaited<ReturnType<typeof gersWithShapes>>

async function issueKey() {
  const command = await ace.create(Open311Key, ['Appli partenaire', '--collectivity=32013'])
  command.ui.switchMode('raw')
  await command.exec()
  command.assertSucceeded()
  const logs = command.logger.getLogs()
  return logs[logs.length - 1].message
}

test.group('Signalement: Open311 GeoReport v2', (group) => {
  group.setup(async () => {
    const truncate = await testUtils.db().truncate()
    gers = await gersWithShapes()
    return truncate
  })
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('discovery and services, in JSON (top-level arrays) and XML', async ({ client, assert }) => {
    const discovery = await client.get('/open311/v2/discovery.json')
    discovery.assertStatus(200)
    assert.equal(
      discovery.body().endpoints[0].specification,
      'http://wiki.open311.org/GeoReport_v2'
    )
    const discoveryXml = await client
      .get('/open311/v2/discovery.xml')
      .then((response) => xml.parse(response.text()))
    assert.equal(discoveryXml.discovery.endpoints.endpoint.type, 'production')

    const services = await client.get('/open311/v2/services.json').qs({ jurisdiction_id: '32013' })
    services.assertStatus(200)
    assert.isArray(services.body())
    assert.deepInclude(services.body(), {
      service_code: 'eclairage',
      service_name: 'Éclairage public',
      description: 'Éclairage public',
      metadata: false,
      type: 'realtime',
      keywords: '',
      group: 'signalement',
    })
    const servicesXml = await client
      .get('/open311/v2/services.xml')
      .qs({ jurisdiction_id: '32013' })
    assert.match(servicesXml.header('content-type') ?? '', /text\/xml/)
    const parsed = xml.parse(servicesXml.text())
    assert.lengthOf(parsed.services.service, 10)
    assert.equal(parsed.services.service[0].service_code, 'voirie')

    const definition = await client
      .get('/open311/v2/services/voirie.json')
      .qs({ jurisdiction_id: '32013' })
    assert.deepEqual(definition.body(), { service_code: 'voirie', attributes: [] })
    const unknown = await client
      .get('/open311/v2/services/ovni.xml')
      .qs({ jurisdiction_id: '32013' })
    unknown.assertStatus(404)
    assert.equal(xml.parse(unknown.text()).errors.error.code, 404)
  })

  test('POST requests: 403 without a valid api_key, 404 for an unknown service, 201 routed', async ({
    client,
    assert,
  }) => {
    const form = {
      jurisdiction_id: '32013',
      service_code: 'eclairage',
      lat: String(POINTS.auch.lat),
      long: String(POINTS.auch.lng),
      description: 'Lampadaire éteint',
      email: 'habitant@example.org',
      first_name: 'Jean',
      last_name: 'Dupont',
    }
    const refused = await client.post('/open311/v2/requests.json').form(form)
    refused.assertStatus(403)
    assert.deepEqual(Object.keys(refused.body()[0]), ['code', 'description'])
    assert.equal(refused.body()[0].code, 403)
    const refusedXml = await client
      .post('/open311/v2/requests.xml')
      .form({ ...form, api_key: 'faux' })
    refusedXml.assertStatus(403)
    assert.equal(xml.parse(refusedXml.text()).errors.error.code, 403)

    const apiKey = await issueKey()
    assert.match(apiKey, /^[A-Za-z0-9_-]{32}$/)
    const unknown = await client
      .post('/open311/v2/requests.json')
      .form({ ...form, api_key: apiKey, service_code: 'ovni' })
    unknown.assertStatus(404)
    const noPosition = await client
      .post('/open311/v2/requests.json')
      .form({ ...form, api_key: apiKey, lat: '', long: '' })
    noPosition.assertStatus(400)

    const created = await client
      .post('/open311/v2/requests.json')
      .form({ ...form, api_key: apiKey })
    created.assertStatus(201)
    const [{ service_request_id: id }] = created.body()
    const report = await Report.findOrFail(Number(id))
    assert.equal(report.collectivityId, gers.auch.id)
    assert.equal(report.reporterEmail, 'habitant@example.org')
    assert.equal(report.source, 'open311')

    // Not public until moderated; then listed with the spec's fields.
    const hidden = await client.get(`/open311/v2/requests/${id}.json`)
    hidden.assertStatus(404)
    await Report.query().where('id', report.id).update({ moderation: 'published' })
    const shown = await client.get(`/open311/v2/requests/${id}.json`)
    shown.assertStatus(200)
    assert.containsSubset(shown.body()[0], {
      service_request_id: id,
      status: 'open',
      service_code: 'eclairage',
      agency_responsible: 'Auch',
      lat: POINTS.auch.lat,
      long: POINTS.auch.lng,
    })
    const listedXml = await client
      .get('/open311/v2/requests.xml')
      .qs({ jurisdiction_id: '32', status: 'open' })
    const listed = xml.parse(listedXml.text())
    assert.equal(listed.service_requests.request.service_request_id, Number(id))
    const closed = await client
      .get('/open311/v2/requests.json')
      .qs({ jurisdiction_id: '32', status: 'closed' })
    assert.deepEqual(closed.body(), [])
    const badDate = await client.get('/open311/v2/requests.json').qs({ start_date: 'hier' })
    badDate.assertStatus(400)
  })
})
