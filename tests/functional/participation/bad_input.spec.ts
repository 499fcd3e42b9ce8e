/*
| Issue 8's « Bad input » list, one test per line, each named after the line it proves. The
| API answers are held to the OpenAPI document; the back-office and the Pabulib import are
| driven as an agent and an operator would (HTTP form, Ace command).
*/
import { test } from '@japa/runner'
import type { ApiResponse } from '@japa/api-client'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DateTime } from 'luxon'
import ace from '@adonisjs/core/services/ace'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { territory } from '#tests/functional/tenancy/fixtures'
import { citizenWithToken } from '#tests/helpers/citizens'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { campaignOf, enable, publishedConsultation, publishedPoll } from './fixtures.js'
import ParticipationImportPabulib from '../../../commands/participation_import_pabulib.js'
import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetDistrict from '#participation/models/budget_district'
import BudgetProject from '#participation/models/budget_project'
import CloseBudgetVote from '#participation/actions/budgets/close_budget_vote'
import { parisInput } from '#participation/support/window'

/**
 * An API refusal: its status, its first error's code, a message (matching `says` if given),
 * and the response held to the OpenAPI document. Returns that first error.
 */
async function assertRefused(
  response: ApiResponse,
  status: number,
  code: string,
  label: string,
  says?: RegExp
) {
  const body = JSON.stringify(response.body())
  const error = response.body().errors?.[0] as { code: string; message: string; field?: string }
  if (response.status() !== status || error?.code !== code)
    throw new Error(`${label}: expected ${status} ${code}, got ${response.status()} ${body}`)
  if (!error.message || (says && !says.test(error.message)))
    throw new Error(`${label}: the message does not say why: ${body}`)
  await assertMatchesOpenApi(response)
  return error
}

const days = (n: number) => DateTime.now().plus({ days: n })

/** Answers to the two required questions of the fixture's consultation (a choice, a scale). */
const requiredAnswers = (questions: Array<{ id: number }>) => [
  { question_id: questions[0].id, choice_ids: [1] },
  { question_id: questions[1].id, value: 3 },
]

test.group('Participation bad input (issue 8)', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('« voting outside the vote phase → 409 with the reason »: polls, consultations, budgets before and after', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA], ['polls', 'consultations', 'budgets'])
    const { token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const upcoming = { opensAt: days(2), closesAt: days(9) }
    const past = { opensAt: days(-9), closesAt: days(-2) }

    for (const [label, window, code, reason] of [
      ['poll before', upcoming, 'E_NOT_OPEN_YET', /elle ouvre le .* \(heure de Paris\)/],
      ['poll after', past, 'E_CLOSED', /close depuis le .* \(heure de Paris\)/],
    ] as const) {
      const { poll, optionIds } = await publishedPoll(t.communeA, window)
      const error = await assertRefused(
        await client
          .post(`/api/v1/polls/${poll.id}/answers`)
          .bearerToken(token)
          .json({ option_ids: [optionIds[0]] }),
        409,
        code,
        label
      )
      assert.match(error.message, reason, label)
    }

    for (const [label, window, code] of [
      ['consultation before', upcoming, 'E_NOT_OPEN_YET'],
      ['consultation after', past, 'E_CLOSED'],
    ] as const) {
      const { consultation, questions } = await publishedConsultation(t.communeA, window)
      await assertRefused(
        await client
          .post(`/api/v1/consultations/${consultation.id}/submissions`)
          .bearerToken(token)
          .json({ answers: requiredAnswers(questions) }),
        409,
        code,
        label
      )
    }

    const phases = {
      proposals: { proposalsOpensAt: days(-2), proposalsClosesAt: days(3), voteOpensAt: days(5) },
      review: { proposalsOpensAt: days(-9), proposalsClosesAt: days(-2), voteOpensAt: days(5) },
      results: { voteOpensAt: days(-5), voteClosesAt: days(-1) },
    }
    for (const [phase, dates] of Object.entries(phases)) {
      const { campaign, projects } = await campaignOf(t.communeA, dates)
      assert.equal(campaign.phaseAt(), phase)
      const code = phase === 'results' ? 'E_CLOSED' : 'E_NOT_OPEN_YET'
      await assertRefused(
        await client
          .put(`/api/v1/budgets/${campaign.id}/ballot`)
          .bearerToken(token)
          .json({ project_ids: [projects[2].id], submit: true }),
        409,
        code,
        `budget ballot in ${phase}`
      )
      // Submitting without a draft says why too, not merely that no ballot exists.
      await assertRefused(
        await client.post(`/api/v1/budgets/${campaign.id}/ballot/submit`).bearerToken(token),
        409,
        code,
        `budget submit in ${phase}`
      )
    }

    // Closed ahead of its date by an agent: the close wins over the planned date.
    const { campaign, projects } = await campaignOf(t.communeA)
    await client
      .put(`/api/v1/budgets/${campaign.id}/ballot`)
      .bearerToken(token)
      .json({ project_ids: [projects[2].id] })
    await new CloseBudgetVote().handle(campaign.id)
    await assertRefused(
      await client.post(`/api/v1/budgets/${campaign.id}/ballot/submit`).bearerToken(token),
      409,
      'E_CLOSED',
      'budget closed early'
    )
  })

  test('« a non-resident → 403 saying why »: each of the three kinds, and a budget’s districts', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA, t.epci], ['polls', 'consultations', 'budgets'])
    const neighbour = await citizenWithToken({ homeCommuneId: t.communeB.id })
    const why =
      /^Réservé aux habitants de Commune A : votre commune de résidence, Commune B, n’en fait pas partie\.$/

    const { poll, optionIds } = await publishedPoll(t.communeA)
    const pollRefusal = await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .bearerToken(neighbour.token)
      .json({ option_ids: [optionIds[0]] })
    await assertRefused(pollRefusal, 403, 'E_NOT_RESIDENT', 'poll', why)

    const { consultation, questions } = await publishedConsultation(t.communeA)
    const consultationRefusal = await client
      .post(`/api/v1/consultations/${consultation.id}/submissions`)
      .bearerToken(neighbour.token)
      .json({ answers: [{ question_id: questions[0].id, choice_ids: [1] }] })
    await assertRefused(consultationRefusal, 403, 'E_NOT_RESIDENT', 'consultation', why)

    const { campaign, projects } = await campaignOf(t.communeA)
    const ballot = await client
      .put(`/api/v1/budgets/${campaign.id}/ballot`)
      .bearerToken(neighbour.token)
      .json({ project_ids: [projects[2].id] })
    await assertRefused(ballot, 403, 'E_NOT_RESIDENT', 'budget', why)
    const submit = await client
      .post(`/api/v1/budgets/${campaign.id}/ballot/submit`)
      .bearerToken(neighbour.token)
    await assertRefused(submit, 403, 'E_NOT_RESIDENT', 'budget submit', why)

    // A resident of the EPCI whose commune is in none of the campaign's districts.
    const districted = await campaignOf(t.epci)
    await BudgetDistrict.create({
      campaignId: districted.campaign.id,
      name: 'Quartier A',
      budget: 60_000,
      communeIds: [t.communeA.id],
    })
    const outside = await client
      .put(`/api/v1/budgets/${districted.campaign.id}/ballot`)
      .bearerToken(neighbour.token)
      .json({ project_ids: [] })
    await assertRefused(
      outside,
      403,
      'E_NO_DISTRICT',
      'no district',
      /ne fait partie d’aucun quartier/
    )
    // Refused means nothing kept, not even a draft.
    for (const table of [
      'participation_poll_answers',
      'participation_consultation_submissions',
      'participation_budget_ballots',
    ]) {
      const [row] = await db.from(table).where('citizen_id', neighbour.citizen.id).count('* as n')
      assert.equal(Number(row.n), 0, table)
    }
  })

  test('« a ballot over the budget or outside the min/max → 422 naming the rule »', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA], ['budgets'])
    const { token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const approval = await campaignOf(t.communeA, { minProjects: 2, maxProjects: 2 })
    const knapsack = await campaignOf(t.communeA, {
      ballotRule: 'knapsack',
      minProjects: null,
      maxProjects: null,
      minSpendPercent: 50,
    })
    const [big, middle, small] = knapsack.projects
    const cases: Array<[string, BudgetCampaign, number[], string, RegExp]> = [
      [
        'approval over the maximum',
        approval.campaign,
        approval.projects.map((p) => p.id),
        'E_TOO_MANY_PROJECTS',
        /^Règle du vote : au plus 2 projets \(3 choisis\)$/,
      ],
      [
        'approval under the minimum',
        approval.campaign,
        [approval.projects[0].id],
        'E_TOO_FEW_PROJECTS',
        /^Règle du vote : au moins 2 projets \(1 choisis\)$/,
      ],
      [
        'knapsack over the budget',
        knapsack.campaign,
        [big.id, middle.id],
        'E_OVER_BUDGET',
        /^Règle du vote : le total des projets choisis \(110\s000\s€\) dépasse le budget \(100\s000\s€\)$/,
      ],
      [
        'knapsack under its minimum spend',
        knapsack.campaign,
        [small.id],
        'E_UNDER_MIN_SPEND',
        /^Règle du vote : .* au moins 50 % du budget, soit 50\s000\s€ \(10\s000\s€ choisis\)$/,
      ],
      ['empty', knapsack.campaign, [], 'E_EMPTY_BALLOT', /Choisissez au moins un projet/],
    ]
    for (const [label, campaign, ids, code, message] of cases) {
      const response = await client
        .put(`/api/v1/budgets/${campaign.id}/ballot`)
        .bearerToken(token)
        .json({ project_ids: ids, submit: true })
      const error = await assertRefused(response, 422, code, label)
      assert.match(error.message, message, label)
      assert.equal(error.field, 'project_ids', label)
    }
    // A draft may be short of the minimum, but never over the maximum or the budget.
    const draft = await client
      .put(`/api/v1/budgets/${approval.campaign.id}/ballot`)
      .bearerToken(token)
      .json({ project_ids: [approval.projects[0].id] })
    draft.assertStatus(200)
    await assertMatchesOpenApi(draft)
    await assertRefused(
      await client.post(`/api/v1/budgets/${approval.campaign.id}/ballot/submit`).bearerToken(token),
      422,
      'E_TOO_FEW_PROJECTS',
      'submitting a short draft'
    )
  })

  test('« unknown option or project ids → 422 »: another poll’s option, another consultation’s question, another campaign’s or district’s project', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA, t.epci], ['polls', 'consultations', 'budgets'])
    const { token } = await citizenWithToken({ homeCommuneId: t.communeA.id })

    const { poll } = await publishedPoll(t.communeA)
    const otherPoll = await publishedPoll(t.communeA)
    for (const [label, ids] of [
      ['another poll’s option', [otherPoll.optionIds[0]]],
      ['an option that never existed', [2_000_000_000]],
    ] as const) {
      const error = await assertRefused(
        await client
          .post(`/api/v1/polls/${poll.id}/answers`)
          .bearerToken(token)
          .json({ option_ids: ids }),
        422,
        'E_UNKNOWN_OPTION',
        label
      )
      assert.equal(error.field, 'option_ids')
    }

    const { consultation, questions } = await publishedConsultation(t.communeA)
    const other = await publishedConsultation(t.communeA)
    const valid = requiredAnswers(questions)
    const consultationCases: Array<[string, unknown[], string, string]> = [
      [
        'another consultation’s question',
        [...valid, { question_id: other.questions[3].id, text: 'Des bancs' }],
        'E_UNKNOWN_QUESTION',
        'answers.2.question_id',
      ],
      [
        'a choice the question does not have',
        [{ question_id: questions[0].id, choice_ids: [3] }, valid[1]],
        'E_UNKNOWN_OPTION',
        'answers.0.choice_ids',
      ],
    ]
    for (const [label, answers, code, field] of consultationCases) {
      const error = await assertRefused(
        await client
          .post(`/api/v1/consultations/${consultation.id}/submissions`)
          .bearerToken(token)
          .json({ answers }),
        422,
        code,
        label
      )
      assert.equal(error.field, field, label)
    }

    const { campaign, projects } = await campaignOf(t.epci)
    const otherCampaign = await campaignOf(t.epci)
    const [north, south] = await Promise.all(
      ['Nord', 'Sud'].map((name, index) =>
        BudgetDistrict.create({
          campaignId: campaign.id,
          name,
          budget: 100_000,
          communeIds: [index === 0 ? t.communeA.id : t.communeB.id],
        })
      )
    )
    await BudgetProject.query().where('id', projects[0].id).update({ district_id: north.id })
    await BudgetProject.query().where('id', projects[1].id).update({ district_id: south.id })
    await BudgetProject.query().where('id', projects[2].id).update({ status: 'unfeasible' })
    const budgetCases: Array<[string, number]> = [
      ['another campaign’s project', otherCampaign.projects[0].id],
      ['another district’s project', projects[1].id],
      ['an unfeasible project', projects[2].id],
      ['a project that never existed', 2_000_000_000],
    ]
    for (const [label, id] of budgetCases) {
      const error = await assertRefused(
        await client
          .put(`/api/v1/budgets/${campaign.id}/ballot`)
          .bearerToken(token)
          .json({ project_ids: [projects[0].id, id] }),
        422,
        'E_UNKNOWN_PROJECT',
        label
      )
      assert.equal(error.message, `Projet inconnu dans ce vote : ${id}`, label)
    }
    // Junk in place of an id is not read as one (Vine alone takes `true` for 1, "0x10" for 16).
    const junk: Array<[string, string, object, string]> = [
      ['poll', `/api/v1/polls/${poll.id}/answers`, { option_ids: [true] }, 'option_ids.0'],
      [
        'consultation',
        `/api/v1/consultations/${consultation.id}/submissions`,
        { answers: [{ question_id: String(questions[0].id), choice_ids: [1] }] },
        'answers.0.question_id',
      ],
      [
        'budget',
        `/api/v1/budgets/${campaign.id}/ballot`,
        { project_ids: ['0x10'] },
        'project_ids.0',
      ],
    ]
    for (const [label, path, body, field] of junk) {
      const request = label === 'budget' ? client.put(path) : client.post(path)
      const error = await assertRefused(
        await request.bearerToken(token).json(body),
        422,
        'E_VALIDATION_ERROR',
        `junk id in a ${label}`
      )
      assert.equal(error.field, field, label)
    }
    const own = await client
      .put(`/api/v1/budgets/${campaign.id}/ballot`)
      .bearerToken(token)
      .json({ project_ids: [projects[0].id], submit: true })
    own.assertStatus(200)
  })

  test('« another citizen’s ballot id → 404 »: every route taking an answer, submission or ballot id', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA], ['polls', 'consultations', 'budgets'])
    const owner = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const other = await citizenWithToken({ homeCommuneId: t.communeA.id })

    const { poll, optionIds } = await publishedPoll(t.communeA)
    const secondPoll = await publishedPoll(t.communeA)
    const answer = await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .bearerToken(owner.token)
      .json({ option_ids: [optionIds[0]] })
    answer.assertStatus(201)
    const answerId = answer.body().data.id

    const { consultation, questions } = await publishedConsultation(t.communeA)
    const answers = requiredAnswers(questions)
    const submission = await client
      .post(`/api/v1/consultations/${consultation.id}/submissions`)
      .bearerToken(owner.token)
      .json({ answers })
    submission.assertStatus(201)
    const submissionId = submission.body().data.id

    const { campaign, projects } = await campaignOf(t.communeA)
    const ballot = await client
      .put(`/api/v1/budgets/${campaign.id}/ballot`)
      .bearerToken(owner.token)
      .json({ project_ids: [projects[2].id], submit: true })
    ballot.assertStatus(200)
    const ballotId = ballot.body().data.id

    const pollAnswer = `/api/v1/polls/${poll.id}/answers/${answerId}`
    const foreignPath = `/api/v1/polls/${secondPoll.poll.id}/answers/${answerId}`
    const submissionPath = `/api/v1/consultations/${consultation.id}/submissions/${submissionId}`
    const attempts: Array<[string, () => Promise<ApiResponse>]> = [
      ['read a poll answer', () => client.get(pollAnswer).bearerToken(other.token)],
      [
        'change a poll answer',
        () =>
          client
            .put(pollAnswer)
            .bearerToken(other.token)
            .json({ option_ids: [optionIds[1]] }),
      ],
      // The owner's own answer id under another poll is not theirs there either.
      ['own answer under another poll', () => client.get(foreignPath).bearerToken(owner.token)],
      ['read a submission', () => client.get(submissionPath).bearerToken(other.token)],
      [
        'change a submission',
        () => client.put(submissionPath).bearerToken(other.token).json({ answers }),
      ],
      [
        'read a ballot',
        () => client.get(`/api/v1/budget-ballots/${ballotId}`).bearerToken(other.token),
      ],
    ]
    for (const [label, attempt] of attempts) {
      const response = await attempt()
      response.assertStatus(404)
      await assertMatchesOpenApi(response)
      assert.match(response.body().errors[0].code, /^E_[A-Z_]+$/, label)
    }
  })

  test('« a rule change after the vote opened → refused in the back-office with the reason »', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA], ['budgets'])
    // Opened with seconds on its clock (as « Ouvrir le vote » does), which the form's
    // minute-precision dates cannot repeat.
    const { campaign } = await campaignOf(t.communeA, {
      voteOpensAt: DateTime.now().minus({ hours: 2 }).set({ second: 17, millisecond: 250 }),
    })
    const before = await BudgetCampaign.findOrFail(campaign.id)
    // The form as the edit page fills it, then changed the way an agent would.
    const page = await client
      .get(`/participation/budgets?edit=${campaign.id}`)
      .withInertia()
      .loginAs(t.adminA)
    const values = page.inertiaProps.editing.values
    const form = (overrides: Record<string, unknown>) => ({ ...values, ...overrides })
    const changes: Array<[string, Record<string, unknown>]> = [
      ['the amount', { totalAmount: 200_000 }],
      ['the ballot rule', { ballotRule: 'knapsack', minProjects: null, maxProjects: null }],
      ['the maximum', { maxProjects: 3 }],
      ['the allocation rule', { allocationRule: 'equal_shares' }],
      ['an age condition', { minimumAge: 16 }],
      ['the opening of the vote', { voteOpensAt: parisInput(DateTime.now().plus({ days: 1 })) }],
      [
        'districts',
        { districts: [{ name: 'Nord', budget: 100_000, communeIds: [t.communeA.id] }] },
      ],
    ]
    for (const [label, overrides] of changes) {
      const response = await client
        .put(`/participation/budgets/${campaign.id}`)
        .withCsrfToken()
        .redirects(0)
        .json(form({ ...overrides, title: `Changé : ${label}` }))
        .loginAs(t.adminA)
      response.assertStatus(302)
      assert.match(
        String(response.flashMessages().error),
        /^Le vote est ouvert depuis le .* : le montant, les règles du vote et d’attribution, la condition d’âge et les quartiers ne peuvent plus changer$/,
        label
      )
      const after = await BudgetCampaign.findOrFail(campaign.id)
      assert.deepEqual(after.serialize(), before.serialize(), `${label}: the campaign is unchanged`)
    }
    assert.lengthOf(await BudgetDistrict.query().where('campaignId', campaign.id), 0)

    // What may still change once the vote is open: the texts.
    const text = await client
      .put(`/participation/budgets/${campaign.id}`)
      .withCsrfToken()
      .redirects(0)
      .json(form({ title: 'Budget participatif 2027 (corrigé)' }))
      .loginAs(t.adminA)
    text.assertStatus(302)
    assert.equal(text.flashMessages().success, 'Modifications enregistrées.')
    await campaign.refresh()
    assert.equal(campaign.title, 'Budget participatif 2027 (corrigé)')
  })

  test('« a rule change after the vote opened → refused in the back-office with the reason »: an answered poll or consultation keeps its rule and its audience', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const { token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const { poll, optionIds } = await publishedPoll(t.communeA)
    const { consultation, questions } = await publishedConsultation(t.communeA)
    await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .bearerToken(token)
      .json({ option_ids: [optionIds[0]] })
    await client
      .post(`/api/v1/consultations/${consultation.id}/submissions`)
      .bearerToken(token)
      .json({ answers: requiredAnswers(questions) })
    const items = [
      ['polls', poll.id, /les options, la règle de choix et le public ne peuvent plus changer/],
      ['consultations', consultation.id, /leurs choix et le public ne peuvent plus changer/],
    ] as const
    for (const [kind, id, reason] of items) {
      const page = await client
        .get(`/participation/${kind}?edit=${id}`)
        .withInertia()
        .loginAs(t.editorA)
      const values = page.inertiaProps.editing.values
      const changes: Record<string, unknown>[] = [{ audience: 'verified' }]
      if (kind === 'polls') changes.push({ selection: 'multiple', maxChoices: 2 })
      for (const change of changes) {
        const label = `${kind} ${JSON.stringify(change)}`
        const response = await client
          .put(`/participation/${kind}/${id}`)
          .withCsrfToken()
          .redirects(0)
          .header('referer', `/participation/${kind}?edit=${id}`)
          .json({ ...values, ...change, title: 'Titre changé' })
          .loginAs(t.editorA)
        response.assertStatus(302)
        assert.match(String(response.flashMessages().error), reason, label)
        const after = await client
          .get(`/participation/${kind}?edit=${id}`)
          .withInertia()
          .loginAs(t.editorA)
        assert.deepEqual(after.inertiaProps.editing.values, values, `${label}: unchanged`)
      }
    }
  })

  test('« a Pabulib file with unknown project ids in its votes, duplicate voters or a negative cost → refused with the line », nothing written', async ({
    assert,
  }) => {
    ace.ui.switchMode('raw')
    const t = await territory()
    const tables = [
      'participation_budget_campaigns',
      'participation_budget_projects',
      'participation_budget_ballots',
    ]
    const counts = async () =>
      Promise.all(
        tables.map(async (table) => {
          const [row] = await db.from(table).count('* as n')
          return Number(row.n)
        })
      )
    const before = await counts()
    const good = await readFile(
      fileURLToPath(
        new URL('../../fixtures/participation/hand_written_knapsack.pb', import.meta.url)
      ),
      'utf8'
    )
    const file = join(tmpdir(), `bad-input-${process.pid}.pb`)
    try {
      for (const [label, broken, message] of [
        [
          'unknown project',
          good.replace('a3;2;71;', 'a3;7;71;'),
          'ligne 24 : projet inconnu « 7 » dans le vote',
        ],
        ['duplicate voter', good.replace('a5;2;;', 'a1;2;;'), 'ligne 26 : votant a1 en double'],
        [
          'negative cost',
          good.replace('4;5000;0;', '4;-5000;0;'),
          'ligne 19 : coût du projet 4 négatif (-5000)',
        ],
      ]) {
        assert.notEqual(broken, good, `${label}: the fixture still holds the line to break`)
        await writeFile(file, broken)
        const command = await ace.create(ParticipationImportPabulib, [
          file,
          `--collectivity=${t.departement.code}`,
          '--json',
        ])
        await command.exec()
        command.assertFailed()
        const logs = (command.logger as any)
          .getLogs()
          .map((log: { message: string }) => log.message)
        assert.include(logs.join('\n'), message, label)
        assert.notExists(
          logs.find((line: string) => line.startsWith('{"campaign_id"')),
          `${label}: no summary`
        )
        assert.deepEqual(await counts(), before, `${label}: nothing written`)
      }
      // The same file unbroken imports, so the refusals above come from the broken lines.
      await writeFile(file, good)
      const command = await ace.create(ParticipationImportPabulib, [
        file,
        `--collectivity=${t.departement.code}`,
        '--json',
      ])
      await command.exec()
      command.assertSucceeded()
    } finally {
      await rm(file, { force: true })
      ace.ui.switchMode('normal')
    }
  })
})
