import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import { territory } from '#tests/functional/tenancy/fixtures'
import { citizenWithToken } from '#tests/helpers/citizens'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { enable, publishedConsultation } from './fixtures.js'
import ExportConsultationCsv from '#participation/actions/export_consultation_csv'
import { parse } from 'csv-parse/sync'

test.group('Participation API: consultations', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('residents submit and edit a questionnaire; distributions, browsable free text and a CSV of one row per submission', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const { consultation, questions } = await publishedConsultation(t.communeA)
    const [single, scale, multiple, free] = questions
    const code = t.communeA.code

    const detail = await client.get(
      `/api/v1/collectivities/${code}/consultations/${consultation.id}`
    )
    detail.assertStatus(200)
    await assertMatchesOpenApi(detail)
    assert.deepEqual(
      detail.body().data.questions.map((question: any) => question.kind),
      ['single', 'scale', 'multiple', 'text']
    )
    const listing = await client.get(`/api/v1/collectivities/${code}/consultations?state=open`)
    await assertMatchesOpenApi(listing)
    assert.lengthOf(listing.body().data, 1)

    const first = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const second = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const submitted = await client
      .post(`/api/v1/consultations/${consultation.id}/submissions`)
      .bearerToken(first.token)
      .json({
        answers: [
          { question_id: single.id, choice_ids: [1] },
          { question_id: scale.id, value: 4 },
          { question_id: multiple.id, choice_ids: [2, 3] },
          { question_id: free.id, text: 'Des fontaines; et de l’ombre "vite"' },
        ],
      })
    submitted.assertStatus(201)
    await assertMatchesOpenApi(submitted)
    const submissionId = submitted.body().data.id
    await client
      .post(`/api/v1/consultations/${consultation.id}/submissions`)
      .bearerToken(second.token)
      .json({
        answers: [
          { question_id: single.id, choice_ids: [2] },
          { question_id: scale.id, value: 2 },
        ],
      })
    const edited = await client
      .put(`/api/v1/consultations/${consultation.id}/submissions/${submissionId}`)
      .bearerToken(first.token)
      .json({
        answers: [
          { question_id: single.id, choice_ids: [1] },
          { question_id: scale.id, value: 5 },
          { question_id: free.id, text: 'Des fontaines; et de l’ombre "vite"' },
        ],
      })
    edited.assertStatus(200)
    await assertMatchesOpenApi(edited)
    const own = await client
      .get(`/api/v1/consultations/${consultation.id}/submissions/${submissionId}`)
      .bearerToken(first.token)
    await assertMatchesOpenApi(own)
    assert.deepEqual(
      own.body().data.answers.map((answer: any) => answer.question_id),
      [single.id, scale.id, free.id]
    )

    const results = await client.get(
      `/api/v1/collectivities/${code}/consultations/${consultation.id}`
    )
    await assertMatchesOpenApi(results)
    const body = results.body().data.results
    assert.equal(body.total_submissions, 2)
    assert.deepEqual(
      body.questions[0].choices.map((choice: any) => [
        choice.label,
        choice.count,
        choice.percentage,
      ]),
      [
        ['Oui', 1, 50],
        ['Non', 1, 50],
      ]
    )
    assert.deepEqual(
      body.questions[1].scale.map((entry: any) => entry.count),
      [0, 1, 0, 0, 1]
    )
    assert.equal(body.questions[1].mean, 3.5)
    assert.equal(body.questions[2].answered, 0)
    assert.equal(body.questions[3].answered, 1)

    const texts = await client.get(
      `/api/v1/collectivities/${code}/consultations/${consultation.id}/questions/${free.id}/answers?limit=1`
    )
    texts.assertStatus(200)
    await assertMatchesOpenApi(texts)
    assert.deepEqual(
      texts.body().data.map((row: any) => row.text),
      ['Des fontaines; et de l’ombre "vite"']
    )

    const file = await new ExportConsultationCsv().handle(t.communeA.id, consultation.id)
    assert.isTrue(file.content.startsWith('\uFEFF'))
    const rows = parse(file.content.slice(1), { delimiter: ';' }) as string[][]
    assert.deepEqual(rows[0].slice(5), [
      '1. Faut-il piétonniser la place ?',
      '2. Votre satisfaction actuelle',
      '3. Vos priorités',
      '4. Une idée ?',
    ])
    assert.lengthOf(rows, 3)
    assert.deepEqual(rows[1].slice(3), [
      'Commune A',
      t.communeA.code,
      'Oui',
      '5',
      '',
      'Des fontaines; et de l’ombre "vite"',
    ])
    assert.deepEqual(rows[2].slice(5), ['Non', '2', '', ''])
  })

  test('bad input: a required question missing, unknown question or choice, scale out of range 422; outside the window 409; a non-resident 403; another citizen’s submission 404', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const { consultation, questions } = await publishedConsultation(t.communeA)
    const [single, scale, multiple] = questions
    const resident = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const neighbour = await citizenWithToken({ homeCommuneId: t.communeB.id })
    const valid = [
      { question_id: single.id, choice_ids: [1] },
      { question_id: scale.id, value: 3 },
    ]
    const cases: Array<[string, string, unknown[], number, string]> = [
      ['required missing', resident.token, [valid[0]], 422, 'E_REQUIRED_QUESTION'],
      [
        'unknown question',
        resident.token,
        [...valid, { question_id: 999999, text: 'x' }],
        422,
        'E_UNKNOWN_QUESTION',
      ],
      [
        'unknown choice',
        resident.token,
        [{ question_id: single.id, choice_ids: [9] }, valid[1]],
        422,
        'E_UNKNOWN_OPTION',
      ],
      [
        'scale out of range',
        resident.token,
        [valid[0], { question_id: scale.id, value: 6 }],
        422,
        'E_SCALE_VALUE',
      ],
      [
        'too many',
        resident.token,
        [...valid, { question_id: multiple.id, choice_ids: [1, 2, 3] }],
        422,
        'E_TOO_MANY_CHOICES',
      ],
      ['non-resident', neighbour.token, valid, 403, 'E_NOT_RESIDENT'],
    ]
    for (const [label, token, answers, status, code] of cases) {
      const response = await client
        .post(`/api/v1/consultations/${consultation.id}/submissions`)
        .bearerToken(token)
        .json({ answers })
      assert.equal(response.status(), status, label)
      assert.equal(response.body().errors[0].code, code, label)
      await assertMatchesOpenApi(response)
    }
    const submitted = await client
      .post(`/api/v1/consultations/${consultation.id}/submissions`)
      .bearerToken(resident.token)
      .json({ answers: valid })
    submitted.assertStatus(201)
    const stolen = await client
      .put(`/api/v1/consultations/${consultation.id}/submissions/${submitted.body().data.id}`)
      .bearerToken(neighbour.token)
      .json({ answers: valid })
    stolen.assertStatus(404)
    await assertMatchesOpenApi(stolen)

    const closed = await publishedConsultation(t.communeA, {
      opensAt: DateTime.now().minus({ days: 9 }),
      closesAt: DateTime.now().minus({ days: 2 }),
      resultsVisibility: 'never',
    })
    const late = await client
      .post(`/api/v1/consultations/${closed.consultation.id}/submissions`)
      .bearerToken(resident.token)
      .json({ answers: [] })
    late.assertStatus(409)
    assert.equal(late.body().errors[0].code, 'E_CLOSED')
    const hidden = await client.get(
      `/api/v1/collectivities/${t.communeA.code}/consultations/${closed.consultation.id}/questions/${closed.questions[3].id}/answers`
    )
    hidden.assertStatus(403)
    await assertMatchesOpenApi(hidden)
    assert.equal(hidden.body().errors[0].code, 'E_RESULTS_NOT_PUBLIC')
  })
})
