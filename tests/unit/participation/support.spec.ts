import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { parse } from 'csv-parse/sync'
import { csvDisposition, toCsv } from '#kernel/http/csv'
import { assertOpen, windowState } from '#participation/support/window'

test.group('Participation CSV', () => {
  test('UTF-8 with BOM, `;`, CRLF, quoting that a CSV reader undoes', ({ assert }) => {
    const file = toCsv(
      ['Question', 'Réponse'],
      [
        ['Pourquoi ?', 'Parce que; voilà'],
        ['Citation', 'Il a dit "oui"\npuis non'],
        ['Nombre', 12.5],
        ['Formule', '=HYPERLINK("x")'],
        ['Vide', null],
      ]
    )
    assert.isTrue(file.startsWith('\uFEFF'))
    assert.include(file, '\r\n')
    const rows = parse(file.slice(1), { delimiter: ';' }) as string[][]
    assert.deepEqual(rows, [
      ['Question', 'Réponse'],
      ['Pourquoi ?', 'Parce que; voilà'],
      ['Citation', 'Il a dit "oui"\npuis non'],
      ['Nombre', '12,5'],
      ['Formule', '\'=HYPERLINK("x")'],
      ['Vide', ''],
    ])
  })

  test('the download name keeps its accents in the UTF-8 form', ({ assert }) => {
    assert.equal(
      csvDisposition('sondage-été.csv'),
      `attachment; filename="sondage-ete.csv"; filename*=UTF-8''sondage-%C3%A9t%C3%A9.csv`
    )
  })
})

test.group('Participation window', () => {
  const window = {
    opensAt: DateTime.fromISO('2030-03-03T09:00', { zone: 'Europe/Paris' }),
    closesAt: DateTime.fromISO('2030-03-10T18:00', { zone: 'Europe/Paris' }),
  }

  test('open from the opening included to the close excluded', ({ assert }) => {
    assert.equal(windowState(window, window.opensAt.minus({ seconds: 1 })), 'upcoming')
    assert.equal(windowState(window, window.opensAt), 'open')
    assert.equal(windowState(window, window.closesAt), 'closed')
  })

  test('outside, a 409 gives the date in Paris time', ({ assert }) => {
    const early = () => assertOpen(window, window.opensAt.minus({ days: 1 }).toUTC())
    assert.throws(early, 'elle ouvre le 3 mars 2030 à 09:00 (heure de Paris)')
    const late = (() => {
      try {
        assertOpen(window, window.closesAt.plus({ days: 1 }))
      } catch (error) {
        return error as { status: number; code: string; message: string }
      }
    })()
    assert.equal(late?.status, 409)
    assert.equal(late?.code, 'E_CLOSED')
    assert.include(late?.message, 'close depuis le 10 mars 2030 à 18:00')
    assert.doesNotThrow(() => assertOpen(window, window.opensAt.plus({ hours: 1 })))
  })
})
