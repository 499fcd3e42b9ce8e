import { test } from '@japa/runner'
import fc from 'fast-check'
import { INT4_ID_PATTERN, INT4_MAX, isInt4Id } from '#kernel/http/ids'
import { isValidOffset, readDateTime } from '#kernel/http/dates'
import { findNulCharacter } from '#kernel/http/input_guard_middleware'
import { assertInFrance, isInFrance } from '#kernel/territories/france_bounds'

test.group('Request input rules (ADR 0012)', () => {
  test('the id pattern accepts exactly the decimal integers 1 to 2147483647', ({ assert }) => {
    fc.assert(
      fc.property(fc.bigInt({ min: -10n, max: 10n ** 12n }), (value) => {
        const text = value.toString()
        assert.equal(INT4_ID_PATTERN.test(text), value >= 1n && value <= BigInt(INT4_MAX), text)
      }),
      { numRuns: 5000 }
    )
    for (const edge of ['2147483647', '2147483646', '1999999999', '1']) {
      assert.isTrue(INT4_ID_PATTERN.test(edge), edge)
    }
    for (const bad of ['2147483648', '2999999999', '0', '01', '-1', '1e3', ' 1', '1.0', '']) {
      assert.isFalse(INT4_ID_PATTERN.test(bad), bad)
    }
    assert.isTrue(isInt4Id(INT4_MAX))
    assert.isFalse(isInt4Id(INT4_MAX + 1))
  })

  test('NUL bytes are found in nested values and keys, with their path', ({ assert }) => {
    assert.isUndefined(findNulCharacter({ a: 'ok', b: [1, 'fine', { c: null }] }))
    assert.equal(findNulCharacter({ a: 'ok', b: [1, { c: 'x\0' }] }), 'b.1.c')
    assert.equal(findNulCharacter({ ['k\0']: 'v' }), 'k\\0')
    assert.equal(findNulCharacter('\0'), '')
  })

  test('offsets past ±14:00 and impossible dates are refused', ({ assert }) => {
    for (const offset of ['Z', '+02:00', '-0930', '+14:00', '-12:00']) {
      assert.isTrue(isValidOffset(offset), offset)
    }
    for (const offset of ['+99:99', '+14:30', '-13:00', '+01:60', '+1']) {
      assert.isFalse(isValidOffset(offset), offset)
    }
    assert.throws(() => readDateTime('2026-07-14T10:00+99:99', 'Europe/Paris', 'from'), /Décalage/)
    assert.throws(() => readDateTime('2026-02-30', 'Europe/Paris', 'from'), /Date invalide/)
    assert.throws(() => readDateTime('0000-01-01', 'Europe/Paris', 'from'), /Date invalide/)
    assert.equal(
      readDateTime('2026-07-14T10:00+02:00', 'Europe/Paris', 'from').toUTC().toISO(),
      '2026-07-14T08:00:00.000Z'
    )
  })

  test('the spring-forward hour does not exist in Paris and is refused in French', ({ assert }) => {
    try {
      readDateTime('2026-03-29T02:30', 'Europe/Paris', 'startsAt')
      assert.fail('02:30 on 29 March 2026 was accepted')
    } catch (error) {
      assert.equal((error as { code: string }).code, 'E_NONEXISTENT_LOCAL_TIME')
      assert.equal((error as { field: string }).field, 'startsAt')
      assert.include((error as Error).message, 'L’heure 02:30 n’existe pas le 29 mars 2026')
    }
    // The autumn hour happens twice: it exists, and is read as one of its two instants.
    assert.equal(
      readDateTime('2026-10-25T02:30', 'Europe/Paris', 'startsAt').toFormat('HH:mm'),
      '02:30'
    )
  })

  test('France covers the metropole and the overseas territories, not swapped points', ({
    assert,
  }) => {
    const inside = [
      [43.6465, 0.5855], // Auch
      [42.7, 9.45], // Bastia
      [16.24, -61.53], // Pointe-à-Pitre
      [-20.88, 55.45], // Saint-Denis de La Réunion
      [4.93, -52.33], // Cayenne
      [-22.27, 166.44], // Nouméa
      [-17.53, -149.56], // Papeete
    ]
    for (const [lat, lng] of inside) assert.isTrue(isInFrance(lat, lng), `${lat}, ${lng}`)
    for (const [lat, lng] of [
      [0.5855, 43.6465],
      [52.52, 13.4],
      [0, 0],
    ]) {
      assert.isFalse(isInFrance(lat, lng), `${lat}, ${lng}`)
    }
    assert.throws(() => assertInFrance(0.5855, 43.6465), /inversées/)
  })
})
