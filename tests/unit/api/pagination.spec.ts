import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Citizen from '#kernel/accounts/models/citizen'
import {
  decodeCursor,
  encodeCursor,
  InvalidCursorError,
  paginateByCursor,
  type PageRequest,
} from '#kernel/http/pagination'
import { createCitizen } from '#tests/helpers/citizens'

test.group('Cursor pagination', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('cursors round-trip and are tied to their listing', ({ assert }) => {
    const cursor = encodeCursor('info.news', '2026-01-01T00:00:00.000Z', 42)
    assert.match(cursor, /^[\w-]+$/)
    assert.deepEqual(decodeCursor('info.news', cursor), {
      value: '2026-01-01T00:00:00.000Z',
      id: 42,
    })
    assert.throws(() => decodeCursor('info.events', cursor), InvalidCursorError)
  })

  test('tampered cursors are refused with E_INVALID_CURSOR', ({ assert }) => {
    const forged = [
      'pas du base64 !',
      Buffer.from('{"not":"an array"}').toString('base64url'),
      Buffer.from(JSON.stringify(['info.news', { $gt: 1 }, 1])).toString('base64url'),
      Buffer.from(JSON.stringify(['info.news', 'x', -1])).toString('base64url'),
      Buffer.from(JSON.stringify(['info.news', 'x', 1.5])).toString('base64url'),
    ]
    for (const cursor of forged) {
      assert.throws(
        () => decodeCursor('info.news', cursor),
        'Curseur de pagination invalide ou expiré'
      )
    }
  })

  test('walks every row once, in order, ties broken by id', async ({ assert }) => {
    const sameInstant = DateTime.fromISO('2026-03-01T10:00:00.000Z')
    const created: Citizen[] = []
    for (let index = 0; index < 7; index++) {
      const citizen = await createCitizen()
      // Three rows share one instant: the id keeps them apart.
      citizen.createdAt = index < 3 ? sameInstant : sameInstant.plus({ minutes: index })
      await citizen.save()
      created.push(citizen)
    }

    const seen: number[] = []
    let page: PageRequest = { limit: 3 }
    const sizes: number[] = []
    for (;;) {
      const result = await paginateByCursor(Citizen.query(), page, {
        listing: 'test.citizens',
        column: 'created_at',
        direction: 'desc',
      })
      sizes.push(result.rows.length)
      seen.push(...result.rows.map((row) => row.id))
      assert.equal(result.meta.limit, 3)
      if (!result.meta.next_cursor) break
      page = { limit: 3, cursor: result.meta.next_cursor }
    }

    assert.deepEqual(sizes, [3, 3, 1])
    const expected = [...created]
      .sort((a, b) => b.createdAt.toMillis() - a.createdAt.toMillis() || b.id - a.id)
      .map((citizen) => citizen.id)
    assert.deepEqual(seen, expected)
  })

  test('an exact last page has no next cursor; toJSON shapes the body', async ({ assert }) => {
    for (let index = 0; index < 2; index++) await createCitizen()
    const result = await paginateByCursor(
      Citizen.query(),
      { limit: 2 },
      { listing: 'test.citizens', column: 'id', direction: 'asc' }
    )
    const body = result.toJSON((citizen) => ({ id: citizen.id }))
    assert.lengthOf(body.data, 2)
    assert.deepEqual(body.meta, { next_cursor: null, limit: 2 })
  })
})
