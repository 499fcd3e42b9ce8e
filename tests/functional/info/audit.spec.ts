import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import app from '@adonisjs/core/services/app'
import News from '#info/models/news'
import FeedItem from '#info/models/feed_item'
import { switchOn, territory } from '../tenancy/fixtures.js'

/**
 * Issue 10, item 4: content actions (created, published, unpublished, imported, deleted) are in
 * the authority's audit log, as French sentences saying who did what, filterable by action.
 */
test.group('Info: content actions in the audit log', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an editor’s content actions read as French sentences with who and when', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await switchOn([t.communeA], ['mobility'])
    const post = async (url: string, body: Record<string, unknown> = {}) => {
      const response = await client
        .post(url)
        .withInertia()
        .withCsrfToken()
        .redirects(0)
        .json(body)
        .loginAs(t.editorA)
      response.assertStatus(302)
    }

    await post('/info/news', { title: 'Fête du village' })
    const news = await News.findByOrFail({ collectivityId: t.communeA.id })
    await post(`/info/news/${news.id}/publish`)
    await post(`/info/news/${news.id}/unpublish`)
    const imported = await client
      .post('/info/imports/carpool')
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .file('file', app.makePath('tests/fixtures/info/carpool.csv'))
      .loginAs(t.editorA)
    imported.assertStatus(302)
    await post(`/info/news/${news.id}/publish`)
    const deleted = await client
      .delete(`/info/news/${news.id}`)
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .loginAs(t.editorA)
    deleted.assertStatus(303)
    assert.isNull(await News.find(news.id))
    assert.isNull(await FeedItem.findBy({ type: 'news', itemId: news.id }))

    const page = await client.get('/audit').withInertia().loginAs(t.adminA)
    page.assertStatus(200)
    const rows = page.inertiaProps.logs.rows as Array<{ sentence: string; at: string }>
    assert.deepEqual(
      rows.map((row) => row.sentence),
      [
        'editor-a a supprimé l’actualité « Fête du village ».',
        'editor-a a publié l’actualité « Fête du village ».',
        'editor-a a importé « Aires de covoiturage (CSV) » : 4 ligne(s) acceptée(s), 4 créée(s), 0 mise(s) à jour, 3 rejetée(s).',
        'editor-a a dépublié l’actualité « Fête du village ».',
        'editor-a a publié l’actualité « Fête du village ».',
        'editor-a a créé l’actualité « Fête du village ».',
      ]
    )
    assert.isTrue(rows.every((row) => Boolean(row.at)))
    const labels = page.inertiaProps.actions.map((action: { label: string }) => action.label)
    assert.includeMembers(labels, ['Contenu créé', 'Contenu publié', 'Import de données'])

    const onlyDeleted = await client
      .get('/audit?action=content.deleted')
      .withInertia()
      .loginAs(t.adminA)
    assert.lengthOf(onlyDeleted.inertiaProps.logs.rows, 1)
  })

  test('another authority’s agent cannot delete the item (404) and nothing is recorded', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const news = await News.create({
      collectivityId: t.communeA.id,
      title: 'À garder',
      status: 'draft',
    })
    const response = await client
      .delete(`/info/news/${news.id}`)
      .withInertia()
      .withCsrfToken()
      .redirects(0)
      .loginAs(t.adminB)
    response.assertStatus(404)
    assert.isNotNull(await News.find(news.id))
  })
})
