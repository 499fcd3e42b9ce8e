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
  test('sunrise-sunset follows the sun at the place, in Paris time, whatever the server’s zone', ({
    assert,
  }) => {
    // Expected times from NOAA's solar calculator equations (zenith 90.833°), in Paris time.
    const auch = { lat: 43.6465, lng: 0.5855 }
    const days = [
      { day: '2031-01-15', sunrise: '08:28', sunset: '17:45' }, // winter, UTC+1
      { day: '2031-07-01', sunrise: '06:19', sunset: '21:43' }, // summer, UTC+2
    ]
    const minutes = (iso: string) => {
      const time = DateTime.fromISO(iso, { setZone: true })
      return time.hour * 60 + time.minute
    }
    const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))
    // The process's zone must not matter: the same evaluation under three zones.
    const processZone = process.env.TZ
    try {
      for (const zone of ['UTC', 'Europe/Paris', 'America/New_York']) {
        process.env.TZ = zone
        for (const { day, sunrise, sunset } of days) {
          const state = evaluateOpeningHours('sunrise-sunset', paris(`${day}T03:00`), 1, auch)
          const [opening] = state.nextOpenings
          assert.equal(opening.opensAt.slice(0, 10), day, `${zone} ${day}`)
          assert.closeTo(minutes(opening.opensAt), clock(sunrise), 3, `${zone} ${day} sunrise`)
          assert.closeTo(minutes(opening.closesAt!), clock(sunset), 3, `${zone} ${day} sunset`)
          assert.isTrue(isOpenAt('sunrise-sunset', paris(`${day}T12:00`), auch))
        }
        // Before sunrise in Auch, the place is closed (it was "open" from a fixed 06:00).
        assert.isFalse(isOpenAt('sunrise-sunset', paris('2031-01-15T08:15'), auch))
        assert.isTrue(isOpenAt('sunrise-sunset', paris('2031-01-15T08:35'), auch))
      }
    } finally {
      if (processZone === undefined) delete process.env.TZ
      else process.env.TZ = processZone
    }

    // The place's own position: Brest sees the sun rise 48 minutes after Strasbourg.
    const brest = evaluateOpeningHours('sunrise-sunset', paris('2031-01-15T03:00'), 1, {
      lat: 48.3904,
      lng: -4.4861,
    })
    const strasbourg = evaluateOpeningHours('sunrise-sunset', paris('2031-01-15T03:00'), 1, {
      lat: 48.5734,
      lng: 7.7521,
    })
    assert.closeTo(minutes(brest.nextOpenings[0].opensAt), clock('09:05'), 3)
    assert.closeTo(minutes(strasbourg.nextOpenings[0].opensAt), clock('08:16'), 3)
  })
})
