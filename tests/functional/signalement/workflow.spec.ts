import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import mail from '@adonisjs/mail/services/main'
import db from '@adonisjs/lucid/services/db'
import Tenant from '#kernel/tenancy/tenant'
import { createCitizen } from '#tests/helpers/citizens'
import { makeAgent } from '#tests/functional/tenancy/fixtures'
import { gersWithShapes, POINTS } from '#tests/fixtures/signalement/gers'
import SubmitReport from '#signalement/actions/submit_report'
import TransitionReport from '#signalement/actions/transition_report'
import FlagOverdueReports from '#signalement/actions/flag_overdue_reports'
import ReportUpdateMail from '#signalement/mails/report_update_mail'
import Report from '#signalement/models/report'
import ReportEvent from '#signalement/models/report_event'
import { flagOverdueReportsJob } from '#signalement/jobs/flag_overdue_reports_job'
import manifest from '#signalement/manifest'

type Gers = Awaited<ReturnType<typeof gersWithShapes>>
let gers: Gers
const reportOf = (id: number) => Report.findOrFail(id)

test.group('Signalement: workflow', (group) => {
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

  async function scenario() {
    const citizen = await createCitizen()
    const report = await new SubmitReport().handle({
      categoryCode: 'voirie',
      description: 'Nid-de-poule profond',
      ...POINTS.auch,
      reporter: { citizenId: citizen.id },
    })
    const agent = await makeAgent(`moderateur-${report.id}@example.test`, [
      [gers.auch, 'moderator'],
    ])
    return { citizen, report, tenant: new Tenant(agent, gers.auch, 'moderator') }
  }

  test('onboarding seeds the default catalogue: the département holds the levels', async ({
    assert,
  }) => {
    const rows = await db
      .from('signalement_categories')
      .where('collectivity_id', gers.gers.id)
      .orderBy('position')
    assert.lengthOf(rows, 10)
    assert.equal(
      rows.find((row) => row.code === 'route_departementale').handling_level,
      'departement'
    )
    const commune = await db.from('signalement_categories').where('collectivity_id', gers.auch.id)
    assert.isTrue(commune.every((row) => row.handling_level === null && row.enabled))
  })

  test('submitted → acknowledged → in_progress → resolved, reopened; history, stamps, mails, feed', async ({
    assert,
  }) => {
    const fake = mail.fake()
    const { citizen, report, tenant } = await scenario()
    const step = (to: Report['status'], publicMessage?: string, internalNote?: string) =>
      new TransitionReport().handle(tenant, {
        reportId: report.id,
        to,
        publicMessage,
        internalNote,
      })

    const acknowledged = await step(
      'acknowledged',
      'Merci, nous passons cette semaine',
      'Équipe voirie'
    )
    assert.isNotNull(acknowledged.acknowledgedAt)
    await step('in_progress')
    await Report.query().where('id', report.id).update({ moderation: 'published' })
    const resolved = await step('resolved', 'Trou rebouché')
    assert.isNotNull(resolved.resolvedAt)

    const feed = await db
      .from('feed_items')
      .where({ type: 'report_resolved', item_id: report.id })
      .first()
    assert.equal(feed.collectivity_id, gers.auch.id)
    assert.equal(feed.summary, 'Trou rebouché')

    const reopened = await step('acknowledged', 'Le trou est revenu')
    assert.isNull(reopened.resolvedAt)
    assert.isNull(
      await db.from('feed_items').where({ type: 'report_resolved', item_id: report.id }).first()
    )

    const history = await ReportEvent.query().where('reportId', report.id).orderBy('id')
    assert.deepEqual(
      history.map((event) => [event.kind, event.toStatus]),
      [
        ['submitted', 'submitted'],
        ['transition', 'acknowledged'],
        ['transition', 'in_progress'],
        ['transition', 'resolved'],
        ['transition', 'acknowledged'],
      ]
    )
    assert.equal(history[1].internalNote, 'Équipe voirie')
    assert.equal(history[1].agentId, tenant.agent.id)

    const mails = fake.mails.queued(
      (queued) => queued instanceof ReportUpdateMail
    ) as ReportUpdateMail[]
    assert.lengthOf(mails, 4)
    assert.isTrue(mails.every((sent) => sent.email === citizen.email))
    assert.equal(mails[0].publicMessage, 'Merci, nous passons cette semaine')
  })

  test('a step outside the workflow is refused; another authority’s report is not found', async ({
    assert,
  }) => {
    const { report, tenant } = await scenario()
    await assert.rejects(
      () => new TransitionReport().handle(tenant, { reportId: report.id, to: 'submitted' }),
      /ne peut pas passer/
    )
    const condomAgent = await makeAgent('condom@example.test', [[gers.condom, 'moderator']])
    await assert.rejects(
      () =>
        new TransitionReport().handle(new Tenant(condomAgent, gers.condom, 'moderator'), {
          reportId: report.id,
          to: 'acknowledged',
        }),
      /introuvable/
    )
    assert.equal(await reportOf(report.id).then((row) => row.status), 'submitted')
  })

  test('overdue after the handler’s delay, by a repeatable job; cleared once resolved', async ({
    assert,
  }) => {
    const { report, tenant } = await scenario()
    assert.deepEqual(flagOverdueReportsJob.repeat, { everyMs: 600_000 })
    const jobs = await manifest.jobs!()
    assert.include(
      jobs.map((job) => job.name),
      'signalement.flag-overdue-reports'
    )

    const inFourteenDays = new Date(Date.now() + 14 * 86_400_000)
    assert.deepEqual(await new FlagOverdueReports().handle(inFourteenDays), {
      flagged: 0,
      cleared: 0,
    })
    const inSixteenDays = new Date(Date.now() + 16 * 86_400_000)
    assert.deepEqual(await new FlagOverdueReports().handle(inSixteenDays), {
      flagged: 1,
      cleared: 0,
    })
    assert.isTrue(await reportOf(report.id).then((row) => row.overdue))

    await new TransitionReport().handle(tenant, { reportId: report.id, to: 'resolved' })
    assert.isFalse(await reportOf(report.id).then((row) => row.overdue))
  })
})
