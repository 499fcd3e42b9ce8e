import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import { createCitizen } from '#tests/helpers/citizens'
import { makeAgent } from '#tests/functional/tenancy/fixtures'
import { gersWithShapes, POINTS } from '#tests/fixtures/signalement/gers'
import SubmitReport from '#signalement/actions/submit_report'
import Report from '#signalement/models/report'
import ReportEvent from '#signalement/models/report_event'

let gers: Awaited<ReturnType<typeof gersWithShapes>>

test.group('Signalement: back-office queue', (group) => {
  group.setup(async () => {
    const truncate = await testUtils.db().truncate()
    gers = await gersWithShapes()
    return truncate
  })
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.setup(() => {
    mail.fake()
    return () => mail.restore()
  })

  test('a moderator filters the queue, takes a step, hands a report to the département', async ({
    client,
    assert,
  }) => {
    const citizen = await createCitizen()
    const submit = (categoryCode: string) =>
      new SubmitReport().handle({
        categoryCode,
        description: 'À voir',
        ...POINTS.auch,
        reporter: { citizenId: citizen.id },
      })
    const pothole = await submit('voirie')
    const light = await submit('eclairage')
    const moderator = await makeAgent('moderation.auch@example.test', [[gers.auch, 'moderator']])

    const page = await client
      .get('/signalement')
      .qs({ category: 'voirie' })
      .withInertia()
      .loginAs(moderator)
    page.assertStatus(200)
    assert.equal(page.body().component, 'signalement/queue')
    assert.deepEqual(
      page.body().props.reports.map((row: { id: number }) => row.id),
      [pothole.id]
    )
    assert.deepEqual(
      page.body().props.reports[0].next.map((next: { to: string }) => next.to),
      ['acknowledged', 'in_progress', 'resolved', 'rejected']
    )

    const stepped = await client
      .post(`/signalement/${light.id}/transition`)
      .form({ to: 'in_progress', publicMessage: 'Intervention prévue' })
      .withCsrfToken()
      .redirects(0)
      .loginAs(moderator)
    stepped.assertStatus(302)
    const accepted = await client
      .post(`/signalement/${light.id}/moderation`)
      .form({ state: 'published' })
      .withCsrfToken()
      .redirects(0)
      .loginAs(moderator)
    accepted.assertStatus(302)
    const map = await client.get('/api/v1/collectivities/32013/reports')
    assert.deepEqual(
      map.body().data.map((row: { id: number }) => row.id),
      [light.id]
    )

    const inProgress = await client
      .get('/signalement')
      .qs({ status: 'in_progress' })
      .withInertia()
      .loginAs(moderator)
    assert.deepEqual(
      inProgress.body().props.reports.map((row: { id: number }) => row.id),
      [light.id]
    )

    const handed = await client
      .post(`/signalement/${pothole.id}/reassign`)
      .form({ toCollectivityId: gers.gers.id, internalNote: 'Route départementale en fait' })
      .withCsrfToken()
      .redirects(0)
      .loginAs(moderator)
    handed.assertStatus(302)
    const moved = await Report.findOrFail(pothole.id)
    assert.equal(moved.collectivityId, gers.gers.id)
    const events = await ReportEvent.query().where('reportId', pothole.id).orderBy('id')
    assert.deepEqual(
      events.map((event) => event.kind),
      ['submitted', 'reassigned']
    )
    assert.equal(events[1].fromCollectivityId, gers.auch.id)

    // No longer Auch's: gone from its queue, and a second step is a 404.
    const after = await client.get('/signalement').withInertia().loginAs(moderator)
    assert.deepEqual(
      after.body().props.reports.map((row: { id: number }) => row.id),
      [light.id]
    )
    const gone = await client
      .post(`/signalement/${pothole.id}/transition`)
      .form({ to: 'acknowledged' })
      .withCsrfToken()
      .redirects(0)
      .loginAs(moderator)
    assert.include([302, 404], gone.status())
    assert.equal(await Report.findOrFail(pothole.id).then((row) => row.status), 'submitted')

    // Editors do not handle reports.
    const editor = await makeAgent('editeur.auch@example.test', [[gers.auch, 'editor']])
    const refused = await client.get('/signalement').withInertia().loginAs(editor)
    refused.assertStatus(403)
  })
})
