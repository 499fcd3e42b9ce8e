import { test } from '@japa/runner'
import type { TestContext } from '@japa/runner/core'
import db from '@adonisjs/lucid/services/db'
import { citizenWithToken, TEST_PASSWORD } from '#tests/helpers/citizens'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import {
  citizenMedia,
  withGersPerGroup,
  openReports,
  POINTS,
} from '#tests/fixtures/signalement/gers'
import Report from '#signalement/models/report'

test.group('Signalement: GDPR export and erasure', (group) => {
  const gersOf = withGersPerGroup(group)

  /** A citizen who filed a report (with a photo), supported one and flagged another. */
  async function busyCitizen(client: TestContext['client']) {
    await openReports(gersOf().auch, { autoPublish: true, flagThreshold: 5 })
    const neighbour = await citizenWithToken()
    const file = (token: string, description: string, mediaIds: number[] = []) =>
      client
        .post('/api/v1/reports')
        .bearerToken(token)
        .json({
          category: 'eclairage',
          description,
          position: POINTS.auch,
          address: 'Place de la Libération, Auch',
          media_ids: mediaIds,
        })
        .then((response) => {
          response.assertStatus(201)
          return response.body().data.id as number
        })
    const supported = await file(neighbour.token, 'Lampadaire éteint')
    const flagged = await file(neighbour.token, 'Texte déplacé')

    const me = await citizenWithToken()
    const photo = await citizenMedia(me.citizen.id, gersOf().auch.id)
    const own = await file(me.token, 'Le lampadaire de ma rue clignote', [photo.id])
    await client
      .post(`/api/v1/reports/${supported}/support`)
      .bearerToken(me.token)
      .then((response) => response.assertStatus(201))
    await client
      .post(`/api/v1/reports/${flagged}/flag`)
      .bearerToken(me.token)
      .json({ reason: 'Propos injurieux' })
      .then((response) => response.assertStatus(201))
    return { me, own, supported, flagged, photo }
  }

  test('the export holds their reports, "me too" and flags', async ({ client, assert }) => {
    const { me, own, supported, flagged, photo } = await busyCitizen(client)
    const response = await client.get('/api/v1/me/export').bearerToken(me.token)
    response.assertStatus(200)
    await assertMatchesOpenApi(response)
    const { reports, supports, flags } = response.body().modules.signalement
    assert.deepEqual(
      reports.map((row: { id: number }) => row.id),
      [own]
    )
    assert.containsSubset(reports[0], {
      description: 'Le lampadaire de ma rue clignote',
      address: 'Place de la Libération, Auch',
      commune_code: '32013',
      status: 'submitted',
      media_ids: [photo.id],
    })
    assert.deepEqual(
      supports.map((row: { report_id: number }) => row.report_id),
      [supported]
    )
    assert.deepEqual(
      flags.map((row: { report_id: number; reason: string }) => [row.report_id, row.reason]),
      [[flagged, 'Propos injurieux']]
    )
  })

  test('erasure detaches their reports, removes their "me too" and flags, counters follow', async ({
    client,
    assert,
  }) => {
    const { me, own, supported, flagged } = await busyCitizen(client)
    // A merge moved their "me too": its undo record names them beside someone else.
    await db.table('signalement_report_merges').insert({
      duplicate_id: supported,
      original_id: flagged,
      previous_status: 'submitted',
      previous_overdue: false,
      added_media_ids: [],
      added_supporter_ids: [me.citizen.id, me.citizen.id + 1000],
      repointed_report_ids: [],
      created_at: new Date(),
    })
    const deleted = await client
      .delete('/api/v1/me')
      .bearerToken(me.token)
      .json({ password: TEST_PASSWORD })
    deleted.assertStatus(204)

    const kept = await Report.findOrFail(own)
    assert.isNull(kept.citizenId)
    assert.equal(kept.description, 'Le lampadaire de ma rue clignote')
    // The photo went with the account's uploads.
    assert.lengthOf(await db.from('signalement_report_media').where('report_id', own), 0)
    for (const table of ['signalement_supports', 'signalement_flags']) {
      assert.lengthOf(await db.from(table).where('citizen_id', me.citizen.id), 0)
    }
    assert.equal(await Report.findOrFail(supported).then((row) => row.supportsCount), 0)
    assert.equal(await Report.findOrFail(flagged).then((row) => row.flagsCount), 0)
    const merge = await db
      .from('signalement_report_merges')
      .where('duplicate_id', supported)
      .first()
    assert.deepEqual(merge.added_supporter_ids, [me.citizen.id + 1000])
    const shown = await client.get(`/api/v1/reports/${own}`)
    shown.assertStatus(200)
  })
})
