import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { territory, makeCollectivity } from '#tests/functional/tenancy/fixtures'
import { citizenWithToken } from '#tests/helpers/citizens'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { enable, publishedPoll } from './fixtures.js'
import Poll from '#participation/models/poll'
import RecountPollAnswers from '#participation/actions/tally_poll'

test.group('Participation API: polls', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a commune lists its own, its EPCI’s and its département’s polls, open and closed, and the feed shows the open ones', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA, t.communeB, t.epci, t.departement])
    await publishedPoll(t.communeA, { title: 'Sondage de la commune' })
    await publishedPoll(t.epci, { title: 'Sondage de l’EPCI' })
    await publishedPoll(t.departement, {
      title: 'Sondage clos du département',
      opensAt: DateTime.now().minus({ days: 10 }),
      closesAt: DateTime.now().minus({ days: 3 }),
    })
    await publishedPoll(t.communeB, { title: 'Sondage de la commune B' })
    t.communeB.modules = {}
    await t.communeB.save()
    await publishedPoll(t.communeA, {
      title: 'Sondage à venir',
      opensAt: DateTime.now().plus({ days: 2 }),
      closesAt: DateTime.now().plus({ days: 9 }),
    })

    const all = await client.get(`/api/v1/collectivities/${t.communeA.code}/polls`)
    all.assertStatus(200)
    await assertMatchesOpenApi(all)
    assert.sameMembers(
      all.body().data.map((item: any) => `${item.title}|${item.origin}|${item.state}`),
      [
        'Sondage de la commune|commune|open',
        'Sondage de l’EPCI|epci|open',
        'Sondage clos du département|departement|closed',
      ]
    )
    const open = await client.get(`/api/v1/collectivities/${t.communeA.code}/polls?state=open`)
    assert.lengthOf(open.body().data, 2)
    const closedOnly = await client.get(
      `/api/v1/collectivities/${t.communeA.code}/polls?state=closed`
    )
    assert.deepEqual(
      closedOnly.body().data.map((item: any) => item.title),
      ['Sondage clos du département']
    )

    const feed = await client.get(`/api/v1/collectivities/${t.communeA.code}/feed`)
    await assertMatchesOpenApi(feed)
    assert.sameMembers(
      feed
        .body()
        .data.filter((item: any) => item.type === 'poll')
        .map((item: any) => item.title),
      ['Sondage de la commune', 'Sondage de l’EPCI']
    )

    // A commune that has not switched polls on answers 404, and its feed has no polls.
    const off = await client.get(`/api/v1/collectivities/${t.communeB.code}/polls`)
    off.assertStatus(404)
    await assertMatchesOpenApi(off)
    const feedB = await client.get(`/api/v1/collectivities/${t.communeB.code}/feed`)
    assert.notInclude(
      feedB.body().data.map((item: any) => item.type),
      'poll'
    )
  })

  test('a resident answers, changes the answer, sees live counts and percentages and finds it in their participations', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const { poll, optionIds } = await publishedPoll(t.communeA)
    const { token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const other = await citizenWithToken({ homeCommuneId: t.communeA.id })

    const created = await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .bearerToken(token)
      .json({ option_ids: [optionIds[0]] })
    created.assertStatus(201)
    await assertMatchesOpenApi(created)
    const answerId = created.body().data.id
    await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .bearerToken(other.token)
      .json({ option_ids: [optionIds[1]] })

    const changed = await client
      .put(`/api/v1/polls/${poll.id}/answers/${answerId}`)
      .bearerToken(token)
      .json({ option_ids: [optionIds[1]] })
    changed.assertStatus(200)
    await assertMatchesOpenApi(changed)
    assert.deepEqual(changed.body().data.option_ids, [optionIds[1]])

    const again = await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .bearerToken(token)
      .json({ option_ids: [optionIds[2]] })
    again.assertStatus(409)
    await assertMatchesOpenApi(again)
    assert.equal(again.body().errors[0].code, 'E_ALREADY_ANSWERED')

    const detail = await client.get(`/api/v1/collectivities/${t.communeA.code}/polls/${poll.id}`)
    detail.assertStatus(200)
    await assertMatchesOpenApi(detail)
    assert.equal(detail.body().data.results.total_answers, 2)
    assert.deepEqual(
      detail.body().data.results.options.map((option: any) => [option.count, option.percentage]),
      [
        [0, 0],
        [2, 100],
        [0, 0],
      ]
    )
    const recount = await new RecountPollAnswers().handle(poll.id)
    assert.equal(recount.options[1].count, 2)

    const mine = await client.get('/api/v1/me/participations').bearerToken(token)
    mine.assertStatus(200)
    await assertMatchesOpenApi(mine)
    assert.deepEqual(
      mine.body().data.map((row: any) => [row.type, row.id, row.answer_id, row.can_change]),
      [['poll', poll.id, answerId, true]]
    )
    const own = await client.get(`/api/v1/polls/${poll.id}/answers/${answerId}`).bearerToken(token)
    own.assertStatus(200)
    await assertMatchesOpenApi(own)
  })

  test('bad input: outside the window 409, a non-resident 403, unknown or too many options 422, another citizen’s answer 404, no token 401', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA, t.communeB])
    const { poll, optionIds } = await publishedPoll(t.communeA)
    const upcoming = await publishedPoll(t.communeA, {
      opensAt: DateTime.fromISO('2031-03-03T09:00', { zone: 'Europe/Paris' }),
      closesAt: DateTime.fromISO('2031-03-10T18:00', { zone: 'Europe/Paris' }),
    })
    const resident = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const neighbour = await citizenWithToken({ homeCommuneId: t.communeB.id })
    const homeless = await citizenWithToken()
    const unverified = await citizenWithToken({ homeCommuneId: t.communeA.id, verified: false })

    const early = await client
      .post(`/api/v1/polls/${upcoming.poll.id}/answers`)
      .bearerToken(resident.token)
      .json({ option_ids: [upcoming.optionIds[0]] })
    early.assertStatus(409)
    await assertMatchesOpenApi(early)
    assert.include(early.body().errors[0].message, 'elle ouvre le 3 mars 2031 à 09:00')

    const cases: Array<[string, string, number[], number, string]> = [
      ['non-resident', neighbour.token, [optionIds[0]], 403, 'E_NOT_RESIDENT'],
      ['no home commune', homeless.token, [optionIds[0]], 403, 'E_HOME_COMMUNE_REQUIRED'],
      ['unverified', unverified.token, [optionIds[0]], 403, 'E_EMAIL_NOT_VERIFIED'],
      ['unknown option', resident.token, [upcoming.optionIds[0]], 422, 'E_UNKNOWN_OPTION'],
      ['two on a single choice', resident.token, optionIds.slice(0, 2), 422, 'E_SINGLE_CHOICE'],
      ['none', resident.token, [], 422, 'E_NO_CHOICE'],
    ]
    for (const [label, token, ids, status, code] of cases) {
      const response = await client
        .post(`/api/v1/polls/${poll.id}/answers`)
        .bearerToken(token)
        .json({ option_ids: ids })
      assert.equal(response.status(), status, label)
      assert.equal(response.body().errors[0].code, code, label)
      await assertMatchesOpenApi(response)
    }
    const refusal = await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .bearerToken(neighbour.token)
      .json({ option_ids: [optionIds[0]] })
    assert.include(
      refusal.body().errors[0].message,
      `votre commune de résidence, Commune B, n’en fait pas partie`
    )

    const malformed = await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .bearerToken(resident.token)
      .json({ option_ids: 'all' })
    malformed.assertStatus(422)
    await assertMatchesOpenApi(malformed)

    const answer = await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .bearerToken(resident.token)
      .json({ option_ids: [optionIds[0]] })
    answer.assertStatus(201)
    const stolen = await client
      .put(`/api/v1/polls/${poll.id}/answers/${answer.body().data.id}`)
      .bearerToken(neighbour.token)
      .json({ option_ids: [optionIds[1]] })
    stolen.assertStatus(404)
    await assertMatchesOpenApi(stolen)
    const peek = await client
      .get(`/api/v1/polls/${poll.id}/answers/${answer.body().data.id}`)
      .bearerToken(neighbour.token)
    peek.assertStatus(404)

    const anonymous = await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .json({ option_ids: [optionIds[0]] })
    anonymous.assertStatus(401)
    await assertMatchesOpenApi(anonymous)

    // A closed poll refuses changes with the date it closed.
    await Poll.query()
      .where('id', poll.id)
      .update({
        opens_at: DateTime.fromISO('2025-12-01T09:00').toJSDate(),
        closes_at: DateTime.fromISO('2026-01-05T18:00', { zone: 'Europe/Paris' }).toJSDate(),
      })
    const late = await client
      .put(`/api/v1/polls/${poll.id}/answers/${answer.body().data.id}`)
      .bearerToken(resident.token)
      .json({ option_ids: [optionIds[1]] })
    late.assertStatus(409)
    assert.include(late.body().errors[0].message, 'close depuis le 5 janvier 2026 à 18:00')
  })

  test('multiple choice up to its maximum; a final answer cannot change; verified audience takes anyone verified', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const { poll, optionIds } = await publishedPoll(t.communeA, {
      selection: 'multiple',
      maxChoices: 2,
      allowChange: false,
      audience: 'verified',
    })
    const elsewhere = await makeCollectivity('commune', 'Ailleurs')
    const visitor = await citizenWithToken({ homeCommuneId: elsewhere.id })
    const tooMany = await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .bearerToken(visitor.token)
      .json({ option_ids: optionIds })
    tooMany.assertStatus(422)
    assert.equal(tooMany.body().errors[0].code, 'E_TOO_MANY_CHOICES')
    assert.equal(tooMany.body().errors[0].field, 'option_ids')
    const ok = await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .bearerToken(visitor.token)
      .json({ option_ids: optionIds.slice(0, 2) })
    ok.assertStatus(201)
    const change = await client
      .put(`/api/v1/polls/${poll.id}/answers/${ok.body().data.id}`)
      .bearerToken(visitor.token)
      .json({ option_ids: [optionIds[2]] })
    change.assertStatus(409)
    assert.equal(change.body().errors[0].code, 'E_ANSWER_FINAL')
    const detail = await client.get(`/api/v1/collectivities/${t.communeA.code}/polls/${poll.id}`)
    assert.deepEqual(
      detail.body().data.results.options.map((option: any) => option.percentage),
      [100, 100, 0]
    )
  })

  test('results after the close or never: hidden from the public until then', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const later = await publishedPoll(t.communeA, { resultsVisibility: 'after_close' })
    const never = await publishedPoll(t.communeA, { resultsVisibility: 'never' })
    for (const { poll } of [later, never]) {
      const detail = await client.get(`/api/v1/collectivities/${t.communeA.code}/polls/${poll.id}`)
      await assertMatchesOpenApi(detail)
      assert.isNull(detail.body().data.results)
      assert.isFalse(detail.body().data.results_available)
    }
    await Poll.query()
      .whereIn('id', [later.poll.id, never.poll.id])
      .update({
        opens_at: DateTime.now().minus({ days: 10 }).toJSDate(),
        closes_at: DateTime.now().minus({ days: 1 }).toJSDate(),
      })
    const closed = await client.get(
      `/api/v1/collectivities/${t.communeA.code}/polls/${later.poll.id}`
    )
    assert.equal(closed.body().data.results.total_answers, 0)
    const hidden = await client.get(
      `/api/v1/collectivities/${t.communeA.code}/polls/${never.poll.id}`
    )
    assert.isNull(hidden.body().data.results)
    // A draft does not exist for citizens.
    await Poll.query().where('id', later.poll.id).update({ status: 'draft' })
    const draft = await client.get(
      `/api/v1/collectivities/${t.communeA.code}/polls/${later.poll.id}`
    )
    draft.assertStatus(404)
  })
})
