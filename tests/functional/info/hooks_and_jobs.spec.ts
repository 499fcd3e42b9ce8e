import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import info from '#info/manifest'
import Contact from '#info/models/contact'
import News from '#info/models/news'
import FeedItem from '#info/models/feed_item'
import SaveNews from '#info/actions/save_news'
import PublishContent from '#info/actions/publish_content'
import ScheduleContent from '#info/actions/schedule_content'
import Collectivity from '#kernel/territories/models/collectivity'
import { getQueue } from '#kernel/queue/queues'
import { startWorkers } from '#kernel/queue/worker'
import { INFO_QUEUE, refreshPublicationStatesJob } from '#info/jobs/refresh_publication_states_job'
import { smallGers } from '#tests/fixtures/info/territory'

test.group('Info manifest hooks', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('onboarding a département seeds the national numbers once; communes get none', async ({
    assert,
  }) => {
    const { departement, auch } = await smallGers()
    await info.onboard!(departement)
    await info.onboard!(departement)
    await info.onboard!(auch)
    const contacts = await Contact.query().where('collectivity_id', departement.id).orderBy('rank')
    assert.deepEqual(
      contacts.map((contact) => contact.phone),
      ['15', '17', '18', '112', '114', '119', '3919', '3977']
    )
    assert.isTrue(contacts.every((contact) => contact.status === 'published'))
    assert.equal(contacts.find((contact) => contact.phone === '3919')!.theme, 'violences')
    assert.lengthOf(await Contact.query().where('collectivity_id', auch.id), 0)
  })

  test('stats count what citizens see and what awaits', async ({ assert }) => {
    const { auch } = await smallGers()
    const shown = await new SaveNews().handle(auch.id, { title: 'En ligne' })
    await new PublishContent().handle({ type: 'news', id: shown.id })
    await new SaveNews().handle(auch.id, { title: 'Brouillon' })
    const figures = await info.stats!(auch.id)
    assert.deepInclude(figures, { label: 'Actualités en ligne', value: 1 })
    assert.deepInclude(figures, { label: 'Brouillons et programmés', value: 1 })
  })
})

/*
| A real BullMQ worker in this process, so the rows must be committed (no global transaction):
| the test removes its authorities at the end (their content goes with them).
*/
test.group('Info scheduler job', () => {
  test('a scheduled news item is published by the repeatable job, with nobody asking', async ({
    assert,
    cleanup,
  }) => {
    const territory = await smallGers()
    cleanup(async () => {
      await Collectivity.query()
        .whereIn(
          'id',
          Object.values(territory).map((collectivity) => collectivity.id)
        )
        .orderBy('id', 'desc')
        .delete()
    })
    const news = await new SaveNews().handle(territory.auch.id, { title: 'À venir' })
    await new ScheduleContent().handle({
      type: 'news',
      id: news.id,
      publishAt: DateTime.now().plus({ milliseconds: 800 }),
      expireAt: DateTime.now().plus({ milliseconds: 2500 }),
    })
    assert.lengthOf(await FeedItem.query().where({ type: 'news', itemId: news.id }), 1)

    const jobs = await info.jobs!()
    assert.deepEqual(
      jobs.map((job) => job.name),
      [refreshPublicationStatesJob.name]
    )
    assert.deepEqual(refreshPublicationStatesJob.repeat, { everyMs: 60_000 })
    const workers = await startWorkers({ queues: [INFO_QUEUE] })
    // The workers registered the every-minute schedule; the test runs it every 300 ms instead.
    const queue = getQueue(INFO_QUEUE)
    assert.exists(await queue.getJobScheduler(refreshPublicationStatesJob.name))
    await queue.upsertJobScheduler(
      refreshPublicationStatesJob.name,
      { every: 300 },
      {
        name: refreshPublicationStatesJob.name,
        data: {},
      }
    )
    cleanup(async () => {
      await Promise.all(workers.map((worker) => worker.close()))
      await queue.removeJobScheduler(refreshPublicationStatesJob.name)
    })
    const failures: string[] = []
    workers.forEach((worker) => worker.on('failed', (_job, error) => failures.push(error.message)))

    const statusAfter = async (predicate: (status: string) => boolean) => {
      const deadline = Date.now() + 10_000
      while (Date.now() < deadline) {
        const current = await News.findOrFail(news.id)
        if (predicate(current.status)) return current.status
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      return 'timeout'
    }
    assert.equal(
      await statusAfter((status) => status === 'published'),
      'published',
      failures.join('; ')
    )
    assert.equal(await statusAfter((status) => status === 'expired'), 'expired')
    assert.lengthOf(await FeedItem.query().where({ type: 'news', itemId: news.id }), 0)
  }).timeout(30_000)
})
