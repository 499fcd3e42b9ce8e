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
    assert.deepEqual(decodeCursor('info.news', cursor, 'timestamp'), {
      value: '2026-01-01T00:00:00.000Z',
      id: 42,
    })
    assert.throws(() => decodeCursor('info.events', cursor, 'timestamp'), InvalidCursorError)
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
        () => decodeCursor('info.news', cursor, 'text'),
        'Curseur de pagination invalide ou expiré'
      )
    }
  })

  test('a cursor whose value or id the column could not hold is refused', ({ assert }) => {
    const forge = (value: unknown, id: unknown = 1) =>
      Buffer.from(JSON.stringify(['l', value, id])).toString('base64url')
    const refused: Array<[string, Parameters<typeof decodeCursor>[2], ('int4' | 'int8')?]> = [
      [forge('pas une date'), 'timestamp'],
      [forge('2026-99-99T00:00:00Z'), 'timestamp'],
      [forge('2026-01-01T00:00:00+99:99'), 'timestamp'],
      [forge('0000-01-01T00:00:00Z'), 'timestamp'],
      [forge('2026-01-01T00:00:00Z', 2 ** 31), 'timestamp'],
      [forge('2026-01-01T00:00:00Z', 2 ** 53), 'timestamp', 'int8'],
      [forge(2 ** 31), 'int4'],
      [forge('12'), 'int4'],
      [forge('nom\u0000'), 'text'],
      [forge('x'.repeat(1001)), 'text'],
      [forge(1e300), 'numeric'],
      [forge('1|pas une date'), (value) => String(value).startsWith('1|2')],
    ]
    for (const [cursor, kind, idKind] of refused) {
      assert.throws(() => decodeCursor('l', cursor, kind, idKind), InvalidCursorError)
    }
    assert.deepEqual(
      decodeCursor('l', forge('2026-03-29T01:30:00.000+01:00', 2 ** 31), 'timestamp', 'int8'),
      {
        value: '2026-03-29T01:30:00.000+01:00',
        id: 2 ** 31,
      }
    )
    assert.deepEqual(decodeCursor('l', forge(2_147_483_647, 2_147_483_647), 'int4'), {
      value: 2_147_483_647,
      id: 2_147_483_647,
    })
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
        kind: 'timestamp',
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
      { listing: 'test.citizens', column: 'id', kind: 'int4', direction: 'asc' }
    )
    const body = result.toJSON((citizen) => ({ id: citizen.id }))
    assert.lengthOf(body.data, 2)
    assert.deepEqual(body.meta, { next_cursor: null, limit: 2 })
  })
})
