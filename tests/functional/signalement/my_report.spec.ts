import { test } from '@japa/runner'
import mail from '@adonisjs/mail/services/main'
import Tenant from '#kernel/tenancy/tenant'
import { citizenWithToken } from '#tests/helpers/citizens'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { makeAgent } from '#tests/functional/tenancy/fixtures'
import { citizenMedia, POINTS, withGersPerGroup } from '#tests/fixtures/signalement/gers'
import HideReportPhoto from '#signalement/actions/hide_report_photo'
import MergeReport from '#signalement/actions/merge_report'
import TransitionReport from '#signalement/actions/transition_report'

/** GET /api/v1/me/reports/:id: the reporter's own report and what they were told of it. */
test.group('Signalement: a citizen’s own report with its history', (group) => {
  const gers = withGersPerGroup(group)
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('its reporter reads it, unmoderated, with its public steps only', async ({
    client,
    assert,
  }) => {
    const reporter = await citizenWithToken()
    const kept = await citizenMedia(reporter.citizen.id, gers().auch.id)
    const hidden = await citizenMedia(reporter.citizen.id, gers().auch.id)
    const created = await client
      .post('/api/v1/reports')
      .bearerToken(reporter.token)
      .json({
        category: 'eclairage',
        description: 'Lampadaire éteint devant l’école',
        position: POINTS.auch,
        media_ids: [kept.id, hidden.id],
      })
    created.assertStatus(201)
    const id: number = created.body().data.id
    const agent = await makeAgent('eclairage-auch@example.test', [[gers().auch, 'moderator']])
    await agent.merge({ fullName: 'Agnès Lumière' }).save()
    const tenant = new Tenant(agent, gers().auch, 'moderator')
    await new TransitionReport().handle(tenant, {
      reportId: id,
      to: 'acknowledged',
      publicMessage: 'Une équipe passe jeudi',
      internalNote: 'Ampoule au stock du dépôt nord',
    })
    await new HideReportPhoto().handle(tenant, {
      reportId: id,
      mediaId: hidden.id,
      reason: 'Une plaque d’immatriculation lisible',
    })

    const response = await client.get(`/api/v1/me/reports/${id}`).bearerToken(reporter.token)
    response.assertStatus(200)
    await assertMatchesOpenApi(response)
    const report = response.body().data
    assert.equal(report.id, id)
    assert.equal(report.moderation, 'pending')
    assert.equal(report.status, 'acknowledged')
    assert.isNull(report.merged_into)
    assert.deepEqual(
      report.photos.map((photo: { id: number }) => photo.id),
      [kept.id]
    )
    assert.deepEqual(
      report.history.map((step: any) => [step.kind, step.status, step.public_message]),
      [
        ['submitted', 'submitted', null],
        ['transition', 'acknowledged', 'Une équipe passe jeudi'],
        ['photo_hidden', null, 'Une plaque d’immatriculation lisible'],
      ]
    )
    assert.equal(report.history[1].status_label, 'Pris en compte')
    assert.isTrue(report.history.every((step: any) => !Number.isNaN(Date.parse(step.at))))
    const text = JSON.stringify(response.body())
    assert.notInclude(text, 'Ampoule au stock')
    assert.notInclude(text, 'Agnès')
    assert.notInclude(text, 'eclairage-auch@example.test')
    assert.notInclude(text, hidden.publicId)
  })

  test('a merged report points to the one it joined', async ({ client, assert }) => {
    const first = await citizenWithToken()
    const second = await citizenWithToken()
    const file = (token: string) =>
      client
        .post('/api/v1/reports')
        .bearerToken(token)
        .json({ category: 'voirie', description: 'Nid-de-poule', position: POINTS.auch })
        .then((response) => response.body().data.id as number)
    const original = await file(first.token)
    const duplicate = await file(second.token)
    const agent = await makeAgent('voirie-auch@example.test', [[gers().auch, 'moderator']])
    await new MergeReport().handle(new Tenant(agent, gers().auch, 'moderator'), {
      reportId: duplicate,
      intoId: original,
      internalNote: 'Même trou, signalé deux fois',
    })

    const response = await client.get(`/api/v1/me/reports/${duplicate}`).bearerToken(second.token)
    response.assertStatus(200)
    await assertMatchesOpenApi(response)
    const report = response.body().data
    assert.equal(report.merged_into, original)
    assert.equal(report.status, 'rejected')
    assert.equal(report.history.at(-1).kind, 'merged')
    assert.match(report.history.at(-1).public_message, new RegExp(`n° ${original}`))
    assert.notInclude(JSON.stringify(report), 'Même trou')
  })

  test('another citizen’s report, an unknown one: the same 404; signed out: 401', async ({
    client,
    assert,
  }) => {
    const owner = await citizenWithToken()
    const stranger = await citizenWithToken()
    const id = await client
      .post('/api/v1/reports')
      .bearerToken(owner.token)
      .json({ category: 'voirie', description: 'Nid-de-poule', position: POINTS.auch })
      .then((response) => response.body().data.id as number)

    for (const path of [`/api/v1/me/reports/${id}`, `/api/v1/me/reports/${id + 1000}`]) {
      const refused = await client.get(path).bearerToken(stranger.token)
      refused.assertStatus(404)
      await assertMatchesOpenApi(refused)
      assert.equal(refused.body().errors[0].code, 'E_REPORT_NOT_FOUND')
      assert.equal(refused.body().errors[0].message, 'Signalement introuvable')
    }
    const signedOut = await client.get(`/api/v1/me/reports/${id}`)
    signedOut.assertStatus(401)
    await assertMatchesOpenApi(signedOut)
    const bad = await client.get('/api/v1/me/reports/abc').bearerToken(owner.token)
    // A non-numeric id matches no route (the global id matcher): the same 404.
    bad.assertStatus(404)
    await assertMatchesOpenApi(bad)
  })
})
