import { test } from '@japa/runner'
import { feedQuery, toPgPlaceholders } from '#info/support/feed_query'

test.group('Info feed query', () => {
  test('one limited index branch per authority, merged and cut to the page', ({ assert }) => {
    const now = new Date('2031-01-01T00:00:00Z')
    const { sql, bindings } = feedQuery({
      collectivityIds: [3, 2, 1],
      types: ['news', 'event'],
      now,
      take: 21,
    })
    assert.equal(sql.match(/UNION ALL/g)?.length, 2)
    assert.equal(sql.match(/ORDER BY published_at DESC, id DESC LIMIT \?/g)?.length, 4)
    assert.equal(sql.split('?').length - 1, bindings.length)
    assert.deepEqual(bindings.slice(0, 7), [3, 'news', 'event', now, now, now, 21])
    assert.equal(bindings.at(-1), 21)
  })

  test('a cursor adds the keyset condition to every branch', ({ assert }) => {
    const { sql, bindings } = feedQuery({
      collectivityIds: [1, 2],
      types: ['news'],
      now: new Date(),
      take: 11,
      before: { publishedAt: '2030-12-31T10:00:00.000Z', id: 42 },
    })
    assert.equal(sql.match(/\(published_at, id\) < \(\?, \?\)/g)?.length, 2)
    assert.include(bindings, 42)
    assert.equal(toPgPlaceholders('a = ? AND b = ?'), 'a = $1 AND b = $2')
  })
})
