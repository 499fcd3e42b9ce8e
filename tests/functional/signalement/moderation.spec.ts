import { test } from '@japa/runner'
import type { TestContext } from '@japa/runner/core'
import Tenant from '#kernel/tenancy/tenant'
import { citizenWithToken } from '#tests/helpers/citizens'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { makeAgent } from '#tests/functional/tenancy/fixtures'
import { withGersPerGroup, openReports, POINTS } from '#tests/fixtures/signalement/gers'
import ModerateReport from '#signalement/actions/moderate_report'
import ReportEvent from '#signalement/models/report_event'
import Report from '#signalement/models/report'

const report = {
  category: 'eclairage',
  description: 'Lampadaire éteint place de la Libération',
  position: POINTS.auch,
}

test.group('Signalement: publication on the public map', (group) => {
  const gersOf = withGersPerGroup(group)

  async function mapOfAuch(client: TestContext['client']) {
    const response = await client
      .get('/api/v1/collectivities/32013/reports')
      .qs({ format: 'geojson', bbox: '0.5,43.6,0.7,43.7' })
    response.assertStatus(200)
    await assertMatchesOpenApi(response)
    return response.body().features.map((feature: { id: number }) => feature.id) as number[]
  }

  test('where the handler auto-publishes, a new report is on the public map at once', async ({
    client,
    assert,
  }) => {
    await openReports(gersOf().auch, { autoPublish: true })
    const { token } = await citizenWithToken()
    const created = await client.post('/api/v1/reports').bearerToken(token).json(report)
    created.assertStatus(201)
    const id = created.body().data.id
    assert.equal(await Report.findOrFail(id).then((row) => row.moderation), 'published')
    assert.deepEqual(await mapOfAuch(client), [id])
    await client.get(`/api/v1/reports/${id}`).then((response) => response.assertStatus(200))
  })

  test('otherwise it waits for an agent, who publishes it', async ({ client, assert }) => {
    await openReports(gersOf().auch, { autoPublish: false })
    const { token } = await citizenWithToken()
    const created = await client.post('/api/v1/reports').bearerToken(token).json(report)
    created.assertStatus(201)
    const id = created.body().data.id
    assert.equal(await Report.findOrFail(id).then((row) => row.moderation), 'pending')
    assert.deepEqual(await mapOfAuch(client), [])
    await client.get(`/api/v1/reports/${id}`).then((response) => response.assertStatus(404))

    const agent = await makeAgent('moderation-auch@example.test', [[gersOf().auch, 'moderator']])
    await new ModerateReport().handle(new Tenant(agent, gersOf().auch, 'moderator'), {
      reportId: id,
      state: 'published',
    })
    assert.deepEqual(await mapOfAuch(client), [id])
  })

  test('after the handler’s number of citizens’ flags, a report leaves the map pending review', async ({
    client,
    assert,
  }) => {
    await openReports(gersOf().auch, { autoPublish: true, flagThreshold: 2 })
    const { token } = await citizenWithToken()
    const id = await client
      .post('/api/v1/reports')
      .bearerToken(token)
      .json(report)
      .then((response) => response.body().data.id)

    const first = await citizenWithToken()
    const once = await client.post(`/api/v1/reports/${id}/flag`).bearerToken(first.token).json({})
    once.assertStatus(201)
    await assertMatchesOpenApi(once)
    assert.deepEqual(once.body().data, { flags_count: 1, hidden: false })
    assert.deepEqual(await mapOfAuch(client), [id])
    const again = await client.post(`/api/v1/reports/${id}/flag`).bearerToken(first.token).json({})
    again.assertStatus(409)

    const second = await citizenWithToken()
    const hidden = await client
      .post(`/api/v1/reports/${id}/flag`)
      .bearerToken(second.token)
      .json({ reason: 'Plaque d’immatriculation lisible' })
    assert.deepEqual(hidden.body().data, { flags_count: 2, hidden: true })
    assert.deepEqual(await mapOfAuch(client), [])
    assert.equal(await Report.findOrFail(id).then((row) => row.moderation), 'hidden')
    const review = await ReportEvent.query().where({ reportId: id, kind: 'flagged_hidden' })
    assert.lengthOf(review, 1)

    // The agent's review puts it back and clears the count.
    const agent = await makeAgent('revue-auch@example.test', [[gersOf().auch, 'moderator']])
    await new ModerateReport().handle(new Tenant(agent, gersOf().auch, 'moderator'), {
      reportId: id,
      state: 'published',
    })
    assert.deepEqual(await mapOfAuch(client), [id])
    assert.equal(await Report.findOrFail(id).then((row) => row.flagsCount), 0)
  })
})
