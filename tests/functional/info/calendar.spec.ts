/*
| events.ics read back by ical.js (Mozilla's iCalendar parser): standard properties only,
| paragraphs as line breaks, SEQUENCE raised when the time changes.
*/
import { test } from '@japa/runner'
import ICAL from 'ical.js'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import SaveEvent from '#info/actions/save_event'
import PublishContent from '#info/actions/publish_content'
import { smallGers } from '#tests/fixtures/info/territory'

const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' })

test.group('Info agenda as iCalendar', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('ical.js reads it: no extension but X-WR-TIMEZONE, paragraphs as lines, SEQUENCE', async ({
    client,
    assert,
  }) => {
    const { auch } = await smallGers()
    const input = {
      title: 'Concert d’été',
      category: 'culture' as const,
      description: '<p>Premier <strong>paragraphe</strong>.</p><p>Second paragraphe.</p>',
      startsAt: paris('2031-07-14T20:30'),
      endsAt: paris('2031-07-14T23:00'),
    }
    const event = await new SaveEvent().handle(auch.id, input)
    await new PublishContent().handle({ type: 'event', id: event.id })

    const read = async () => {
      const response = await client.get(`/api/v1/collectivities/${auch.code}/events.ics`)
      response.assertStatus(200)
      const calendar = new ICAL.Component(ICAL.parse(response.text()))
      return { text: response.text(), calendar, vevent: calendar.getFirstSubcomponent('vevent')! }
    }

    const first = await read()
    const names = [first.calendar, ...first.calendar.getAllSubcomponents()].flatMap((component) =>
      component.getAllProperties().map((property) => property.name.toUpperCase())
    )
    assert.deepEqual(
      names.filter((name) => name.startsWith('X-')).filter((name) => name !== 'X-WR-TIMEZONE'),
      []
    )
    const vevent = new ICAL.Event(first.vevent)
    assert.equal(vevent.summary, 'Concert d’été')
    assert.equal(
      vevent.description,
      `Premier paragraphe.\nSecond paragraphe.\nPublié par ${auch.name}`
    )
    assert.equal(vevent.startDate.toJSDate().toISOString(), '2031-07-14T18:30:00.000Z')
    assert.equal(first.vevent.getFirstPropertyValue('sequence'), 0)

    // A new title keeps the sequence; a new time raises it.
    await new SaveEvent().handle(auch.id, { ...input, title: 'Concert d’été (salle)' }, event.id)
    const renamed = await read()
    assert.equal(renamed.vevent.getFirstPropertyValue('sequence'), 0)
    await new SaveEvent().handle(
      auch.id,
      { ...input, startsAt: paris('2031-07-14T21:00'), endsAt: paris('2031-07-14T23:30') },
      event.id
    )
    const moved = await read()
    assert.equal(moved.vevent.getFirstPropertyValue('sequence'), 1)
    assert.equal(
      new ICAL.Event(moved.vevent).startDate.toJSDate().toISOString(),
      '2031-07-14T19:00:00.000Z'
    )
  })
})
