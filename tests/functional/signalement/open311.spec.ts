import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import ace from '@adonisjs/core/services/ace'
import { XMLParser } from 'fast-xml-parser'
import Open311Key from '../../../commands/open311_key.js'
import { gersWithShapes, POINTS } from '#tests/fixtures/signalement/gers'
import Report from '#signalement/models/report'
import { SPEC_EXAMPLES } from '#tests/fixtures/signalement/open311_examples'
import { makeAgent } from '#tests/functional/tenancy/fixtures'

const xml = new XMLParser()
const ordered = new XMLParser({ preserveOrder: true })

/**
 * The element names of a document, in order, with their children's (the first item of a list
 * stands for all): what must match the spec's example, whatever the values.
 */
type Shape = Array<[string, Shape]> | null
function xmlShape(text: string): Shape {
  const walk = (nodes: Array<Record<string, unknown>>): Shape => {
    const seen = new Set<string>()
    const shape: Array<[string, Shape]> = []
    for (const node of nodes) {
      const name = Object.keys(node).find((key) => key !== ':@')!
      if (name === '#text' || name === '?xml' || seen.has(name)) continue
      seen.add(name)
      const children = node[name] as Array<Record<string, unknown>>
      const nested = walk(children)
      shape.push([name, nested && nested.length ? nested : null])
    }
    return shape
  }
  return walk(ordered.parse(text))
}
function jsonShape(value: unknown): Shape {
  if (Array.isArray(value)) return value.length ? jsonShape(value[0]) : []
  if (value && typeof value === 'object') {
    return Object.entries(value).map(([key, item]) => [key, jsonShape(item)] as [string, Shape])
  }
  return null
}
/** A JSON refusal in the spec's format: one `{ code, description }` with the HTTP status. */
function specError(response: { assertStatus(status: number): void; body(): any }, status: number) {
  response.assertStatus(status)
  const [error] = response.body()
  if (Object.keys(error).join() !== 'code,description' || error.code !== status) {
    throw new Error(`not the spec's error format: ${JSON.stringify(response.body())}`)
  }
  return error as { code: number; description: string }
}
const topLevel = (shape: Shape) => (shape ?? []).map(([name]) => name)
const W3_DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/
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
    specError(await client.post('/open311/v2/requests.json').form(form), 403)
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

  test('every resource has the element names and order of the spec’s examples, in XML and JSON', async ({
    client,
    assert,
  }) => {
    const apiKey = await issueKey()
    const get = (path: string, qs: Record<string, string> = {}) => client.get(path).qs(qs)
    const jurisdiction = { jurisdiction_id: '32013' }
    const form = {
      api_key: apiKey,
      jurisdiction_id: '32013',
      service_code: 'voirie',
      lat: String(POINTS.auch.lat),
      long: String(POINTS.auch.lng),
      address_string: 'Rue Gambetta, Auch',
      description: 'Nid-de-poule',
    }

    const bodies: Record<keyof typeof SPEC_EXAMPLES, Record<'xml' | 'json', string>> = {
      discovery: { xml: '', json: '' },
      services: { xml: '', json: '' },
      definition: { xml: '', json: '' },
      created: { xml: '', json: '' },
      requests: { xml: '', json: '' },
      errors: { xml: '', json: '' },
    }
    const ids: string[] = []
    for (const format of ['xml', 'json'] as const) {
      const responses = {
        discovery: await get(`/open311/v2/discovery.${format}`),
        services: await get(`/open311/v2/services.${format}`, jurisdiction),
        definition: await get(`/open311/v2/services/voirie.${format}`, jurisdiction),
        created: await client.post(`/open311/v2/requests.${format}`).form(form),
        errors: await client
          .post(`/open311/v2/requests.${format}`)
          .form({ ...form, api_key: 'faux' }),
      }
      for (const [kind, response] of Object.entries(responses)) {
        assert.equal(
          response.header('content-type'),
          format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8',
          kind
        )
        if (format === 'xml')
          assert.match(response.text(), /^<\?xml version="1.0" encoding="utf-8"\?>/)
        bodies[kind as keyof typeof bodies][format] = response.text()
      }
      responses.created.assertStatus(201)
      responses.errors.assertStatus(403)
      ids.push(
        format === 'xml'
          ? String(xml.parse(responses.created.text()).service_requests.request.service_request_id)
          : responses.created.body()[0].service_request_id
      )
    }
    await Report.query().whereIn('id', ids.map(Number)).update({ moderation: 'published' })
    for (const format of ['xml', 'json'] as const) {
      const listed = await get(`/open311/v2/requests.${format}`, { jurisdiction_id: '32013' })
      listed.assertStatus(200)
      bodies.requests[format] = listed.text()
      const one = await get(`/open311/v2/requests/${ids[0]}.${format}`)
      one.assertStatus(200)
      assert.deepEqual(
        format === 'xml' ? xmlShape(one.text()) : jsonShape(JSON.parse(one.text())),
        format === 'xml' ? xmlShape(listed.text()) : jsonShape(JSON.parse(listed.text()))
      )
    }

    // The comparison has teeth: a request carries the spec's 17 fields.
    const requestFields = xmlShape(SPEC_EXAMPLES.requests.xml)![0][1]![0][1]!
    assert.lengthOf(requestFields, 17)
    assert.deepEqual(requestFields.at(-1), ['media_url', null])
    for (const [kind, example] of Object.entries(SPEC_EXAMPLES)) {
      const ours = bodies[kind as keyof typeof bodies]
      if (kind === 'definition') {
        // Our services ask for no attribute: the same two elements, an empty list.
        assert.deepEqual(
          topLevel(xmlShape(ours.xml)![0][1]),
          topLevel(xmlShape(example.xml)![0][1])
        )
        assert.include(ours.xml, '<attributes></attributes>')
        assert.deepEqual(
          topLevel(jsonShape(JSON.parse(ours.json))),
          topLevel(jsonShape(JSON.parse(example.json)))
        )
        continue
      }
      assert.deepEqual(xmlShape(ours.xml), xmlShape(example.xml), `${kind}.xml`)
      assert.deepEqual(
        jsonShape(JSON.parse(ours.json)),
        jsonShape(JSON.parse(example.json)),
        `${kind}.json`
      )
    }

    // Dates in the spec's w3 format; JSON lists are top-level arrays.
    const [request] = JSON.parse(bodies.requests.json)
    assert.match(request.requested_datetime, W3_DATETIME)
    assert.match(request.updated_datetime, W3_DATETIME)
    assert.equal(request.address, 'Rue Gambetta, Auch')
    assert.isArray(JSON.parse(bodies.services.json))
    assert.isArray(JSON.parse(bodies.errors.json))
  })

  test('no tokens: POST answers with the service_request_id, tokens/:token is a 404 saying so', async ({
    client,
    assert,
  }) => {
    const services = await client.get('/open311/v2/services.json').qs({ jurisdiction_id: '32' })
    assert.isTrue(services.body().every((service: { type: string }) => service.type === 'realtime'))
    const json = await client.get('/open311/v2/tokens/12345.json').qs({ jurisdiction_id: '32' })
    assert.match(specError(json, 404).description, /pas de jetons/)
    const asXml = await client.get('/open311/v2/tokens/12345.xml')
    asXml.assertStatus(404)
    assert.match(xml.parse(asXml.text()).errors.error.description, /service_request_id/)
  })

  test('an address without lat/long: 400 saying a position is required (no geocoder), nothing filed', async ({
    client,
    assert,
  }) => {
    const apiKey = await issueKey()
    const before = await Report.query().count('* as n').first()
    const form = {
      api_key: apiKey,
      jurisdiction_id: '32013',
      service_code: 'voirie',
      address_string: '12 rue Gambetta, 32000 Auch',
      description: 'Nid-de-poule',
    }
    const refused = specError(await client.post('/open311/v2/requests.json').form(form), 400)
    assert.match(refused.description, /address_string seule ne peut pas être localisée/)
    const asXml = await client.post('/open311/v2/requests.xml').form(form)
    asXml.assertStatus(400)
    assert.match(xml.parse(asXml.text()).errors.error.description, /lat et long sont obligatoires/)
    const after = await Report.query().count('* as n').first()
    assert.equal(after!.$extras.n, before!.$extras.n)
  })

  test('media_url and device_id are kept, media_url is returned and linked for agents; a non-http(s) media_url is a 400', async ({
    client,
    assert,
  }) => {
    const apiKey = await issueKey()
    const form = {
      api_key: apiKey,
      jurisdiction_id: '32013',
      service_code: 'voirie',
      lat: String(POINTS.auch.lat),
      long: String(POINTS.auch.lng),
      description: 'Nid-de-poule',
      media_url: 'https://photos.example.org/requests/638344.jpg',
      device_id: 'tablette-voirie-7',
    }
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'pas une adresse',
      `https://example.org/${'a'.repeat(2050)}`,
    ]) {
      const refused = specError(
        await client.post('/open311/v2/requests.json').form({ ...form, media_url: bad }),
        400
      )
      assert.match(refused.description, /media_url doit être une adresse http ou https/)
    }
    const refusedXml = await client
      .post('/open311/v2/requests.xml')
      .form({ ...form, media_url: 'ftp://example.org/a.jpg' })
    refusedXml.assertStatus(400)
    assert.match(xml.parse(refusedXml.text()).errors.error.description, /media_url/)
    specError(
      await client.post('/open311/v2/requests.json').form({ ...form, device_id: 'x'.repeat(256) }),
      400
    )
    assert.equal(Number((await Report.query().count('* as n').first())!.$extras.n), 0)

    const created = await client.post('/open311/v2/requests.json').form(form)
    created.assertStatus(201)
    const id = created.body()[0].service_request_id
    const report = await Report.findOrFail(Number(id))
    assert.equal(report.mediaUrl, form.media_url)
    assert.equal(report.deviceId, 'tablette-voirie-7')

    await Report.query().where('id', report.id).update({ moderation: 'published' })
    const one = await client.get(`/open311/v2/requests/${id}.json`)
    assert.equal(one.body()[0].media_url, form.media_url)
    const listed = await client.get('/open311/v2/requests.json').qs({ jurisdiction_id: '32013' })
    assert.equal(listed.body()[0].media_url, form.media_url)
    const oneAsXml = await client.get(`/open311/v2/requests/${id}.xml`)
    const oneXml = xml.parse(oneAsXml.text())
    assert.equal(oneXml.service_requests.request.media_url, form.media_url)
    // The device is the client's business: never published.
    assert.notInclude(one.text(), 'tablette-voirie-7')

    const moderator = await makeAgent('open311.auch@example.test', [[gers.auch, 'moderator']])
    const detail = await client.get(`/signalement/${id}`).withInertia().loginAs(moderator)
    detail.assertStatus(200)
    assert.equal(detail.body().props.report.mediaUrl, form.media_url)
    assert.equal(detail.body().props.report.deviceId, 'tablette-voirie-7')
  })
})
