import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { assertOpeningHours, evaluateOpeningHours, isOpenAt } from '#info/support/opening_hours'
import { DomainError } from '#kernel/http/errors'

const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' })

test.group('Info opening hours', () => {
  test('answers in Europe/Paris across the spring time change', ({ assert }) => {
    // Saturday 29 March 2031, 10:00; clocks go forward on Sunday the 30th.
    const saturday = paris('2031-03-29T10:00')
    const state = evaluateOpeningHours('Mo-Fr 09:00-12:00,14:00-18:00', saturday, 3)
    assert.isFalse(state.isOpenNow)
    assert.deepEqual(state.nextOpenings, [
      { opensAt: '2031-03-31T09:00:00+02:00', closesAt: '2031-03-31T12:00:00+02:00' },
      { opensAt: '2031-03-31T14:00:00+02:00', closesAt: '2031-03-31T18:00:00+02:00' },
      { opensAt: '2031-04-01T09:00:00+02:00', closesAt: '2031-04-01T12:00:00+02:00' },
    ])
  })

  test('an open place starts with the current period', ({ assert }) => {
    const state = evaluateOpeningHours('Sa 08:00-13:00', paris('2031-01-04T09:30'), 2)
    assert.isTrue(state.isOpenNow)
    assert.deepEqual(state.nextOpenings[0], {
      opensAt: '2031-01-04T09:30:00+01:00',
      closesAt: '2031-01-04T13:00:00+01:00',
    })
    assert.equal(state.nextOpenings[1].opensAt, '2031-01-11T08:00:00+01:00')
    assert.isTrue(isOpenAt('Sa 08:00-13:00', paris('2031-01-04T12:59')))
    assert.isFalse(isOpenAt('Sa 08:00-13:00', paris('2031-01-04T13:00')))
    // The same instant written in UTC gives the same answer.
    assert.isTrue(isOpenAt('Sa 08:00-13:00', DateTime.fromISO('2031-01-04T11:59:00Z')))
  })

  test('24/7 is open with no closing in sight', ({ assert }) => {
    const state = evaluateOpeningHours('24/7', paris('2031-06-01T03:00'))
    assert.isTrue(state.isOpenNow)
    assert.deepEqual(state.nextOpenings, [{ opensAt: '2031-06-01T03:00:00+02:00', closesAt: null }])
  })

  test('values are stored canonical; unreadable ones are a 422 with the parser message', ({
    assert,
  }) => {
    assert.equal(assertOpeningHours(' Lu-Ve 8h-18h '), 'Mo-Fr 08:00-18:00')
    try {
      assertOpeningHours('tous les jours sauf lundi', 'horaires')
      assert.fail('should have thrown')
    } catch (error) {
      assert.instanceOf(error, DomainError)
      assert.equal((error as DomainError).status, 422)
      assert.equal((error as DomainError).field, 'horaires')
      assert.match((error as DomainError).message, /^Horaires d’ouverture invalides : .+<--- /)
    }
  })

  test('public holidays are French for a place in France: 14 July closed, 26 December open', ({
    assert,
  }) => {
    const auch = { lat: 43.6465, lng: 0.5855 }
    const hours = 'Mo-Su 10:00-18:00; PH off'
    // 14 July is a French holiday, not a German one; 26 December is German, not French.
    assert.isFalse(isOpenAt(hours, paris('2031-07-14T12:00'), auch))
    assert.isTrue(isOpenAt(hours, paris('2031-12-26T12:00'), auch))
    assert.isFalse(isOpenAt(hours, paris('2031-12-25T12:00'), auch))
    // Without a position, the Gers is assumed: still French holidays.
    assert.isFalse(isOpenAt(hours, paris('2031-07-14T12:00')))
    const state = evaluateOpeningHours(hours, paris('2031-07-13T19:00'), 1, auch)
    assert.equal(state.nextOpenings[0].opensAt, '2031-07-15T10:00:00+02:00')
  })
})
