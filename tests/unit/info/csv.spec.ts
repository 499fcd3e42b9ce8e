import { test } from '@japa/runner'
import iconv from 'iconv-lite'
import { decodeText, parseDecimal, parseList, readCsv } from '#info/support/csv'

test.group('Info CSV reader', () => {
  test('reads UTF-8 with BOM, plain UTF-8 and Windows-1252 alike', ({ assert }) => {
    const text = 'nom;ville\nCrème brûlée;Auch\n'
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])
    assert.equal(decodeText(withBom), text)
    assert.equal(decodeText(Buffer.from(text)), text)
    assert.equal(decodeText(iconv.encode(text, 'win1252')), text)
    assert.deepEqual(readCsv(withBom).headers, ['nom', 'ville'])
  })

  test('guesses the separator and keeps quoted separators and line breaks', ({ assert }) => {
    const comma = readCsv(Buffer.from('a,b\n"1,5","deux\nlignes"\n'))
    assert.deepEqual(comma.rows[0].values, { a: '1,5', b: 'deux\nlignes' })
    const semicolon = readCsv(Buffer.from('a;b\n"x;y";z\n3;4\n'))
    assert.deepEqual(
      semicolon.rows.map((row) => row.values),
      [
        { a: 'x;y', b: 'z' },
        { a: '3', b: '4' },
      ]
    )
  })

  test('a row with the wrong number of fields is flagged with its line, not thrown', ({
    assert,
  }) => {
    const { rows } = readCsv(Buffer.from('a;b\n1;2\n"multi\nligne";2\n1;2;3\n'))
    assert.deepEqual(
      rows.map((row) => [row.line, row.problem ?? null]),
      [
        [2, null],
        [3, null],
        [5, '3 colonnes au lieu de 2'],
      ]
    )
  })

  test('decimals and lists as French files write them', ({ assert }) => {
    assert.equal(parseDecimal('43,6465'), 43.6465)
    assert.equal(parseDecimal('0.5857'), 0.5857)
    assert.isNull(parseDecimal('abc'))
    assert.deepEqual(parseList('["lait","fruits à coque"]'), ['lait', 'fruits à coque'])
    assert.deepEqual(parseList('bio; local |accessible'), ['bio', 'local', 'accessible'])
    assert.deepEqual(parseList(''), [])
  })
})
