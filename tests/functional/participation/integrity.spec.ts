import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { territory } from '#tests/functional/tenancy/fixtures'
import { citizenWithToken, TEST_PASSWORD } from '#tests/helpers/citizens'
import TallyPoll from '#participation/actions/tally_poll'
import DeleteCitizenAccount from '#kernel/accounts/citizens/actions/delete_citizen_account'
import { enable, publishedConsultation, publishedPoll } from './fixtures.js'

/*
| Concurrent double submissions run on separate connections, so these tests cannot share one
| global transaction: the database is truncated around them.
*/
test.group('Participation integrity under concurrency', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('the same citizen answering a poll 8 times at once leaves exactly one answer', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const { poll, optionIds } = await publishedPoll(t.communeA)
    const { token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        client
          .post(`/api/v1/polls/${poll.id}/answers`)
          .bearerToken(token)
          .json({ option_ids: [optionIds[index % optionIds.length]] })
      )
    )
    const statuses = responses.map((response) => response.status()).sort()
    assert.deepEqual(statuses, [201, 409, 409, 409, 409, 409, 409, 409])
    const { rows } = await db.rawQuery(
      `SELECT count(DISTINCT a.id)::int AS answers, count(c.option_id)::int AS choices
         FROM participation_poll_answers a LEFT JOIN participation_poll_choices c ON c.answer_id = a.id
        WHERE a.poll_id = ?`,
      [poll.id]
    )
    assert.deepEqual(rows[0], { answers: 1, choices: 1 })
  })

  test('the same citizen submitting a consultation 8 times at once leaves exactly one submission', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const { consultation, questions } = await publishedConsultation(t.communeA)
    const { token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const answers = [
      { question_id: questions[0].id, choice_ids: [1] },
      { question_id: questions[1].id, value: 3 },
    ]
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        client
          .post(`/api/v1/consultations/${consultation.id}/submissions`)
          .bearerToken(token)
          .json({ answers })
      )
    )
    assert.deepEqual(
      responses.map((response) => response.status()).sort(),
      [201, 409, 409, 409, 409, 409, 409, 409]
    )
    const { rows } = await db.rawQuery(
      `SELECT count(DISTINCT s.id)::int AS submissions, count(a.id)::int AS answers
         FROM participation_consultation_submissions s
         LEFT JOIN participation_consultation_answers a ON a.submission_id = s.id
        WHERE s.consultation_id = ?`,
      [consultation.id]
    )
    assert.deepEqual(rows[0], { submissions: 1, answers: 2 })
  })

  test('the database itself refuses a second answer row, whatever the application does', async ({
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const { poll } = await publishedPoll(t.communeA)
    const { citizen } = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const row = {
      poll_id: poll.id,
      citizen_id: citizen.id,
      created_at: new Date(),
      updated_at: new Date(),
    }
    await db.table('participation_poll_answers').insert(row)
    await assert.rejects(
      () => db.table('participation_poll_answers').insert(row),
      /participation_poll_answers_poll_id_citizen_id_unique/
    )
  })
})

test.group('Participation and GDPR', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('the export lists the citizen’s answers; deleting the account keeps them counted, detached', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const { poll, optionIds } = await publishedPoll(t.communeA)
    const { citizen, token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
    await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .bearerToken(token)
      .json({ option_ids: [optionIds[1]] })

    const exported = await client.get('/api/v1/me/export').bearerToken(token)
    exported.assertStatus(200)
    const part = exported.body().modules.participation
    assert.deepEqual(
      part.polls.map((row: any) => [row.poll_id, row.options]),
      [[poll.id, ['Jean Jaurès']]]
    )
    assert.deepEqual(part.consultations, [])

    await new DeleteCitizenAccount().handle(citizen, { password: TEST_PASSWORD })
    const { rows } = await db.rawQuery(
      'SELECT citizen_id FROM participation_poll_answers WHERE poll_id = ?',
      [poll.id]
    )
    assert.deepEqual(rows, [{ citizen_id: null }])
    const tally = await new TallyPoll().handle(poll.id)
    assert.equal(tally.options[1].count, 1)
  })
})
