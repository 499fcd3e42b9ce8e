import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { makeCollectivity, territory } from '#tests/functional/tenancy/fixtures'
import { citizenWithToken } from '#tests/helpers/citizens'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { enable, publishedConsultation, publishedPoll } from './fixtures.js'
import type Collectivity from '#kernel/territories/models/collectivity'
import BudgetBallot from '#participation/models/budget_ballot'
import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetDistrict from '#participation/models/budget_district'
import BudgetProject from '#participation/models/budget_project'
import ConsultationAnswer from '#participation/models/consultation_answer'
import SaveBudgetCampaign, {
  type CampaignInput,
} from '#participation/actions/budgets/save_budget_campaign'
import CloseBudgetVote from '#participation/actions/budgets/close_budget_vote'
import RecountBudget from '#participation/actions/budgets/recount_budget'

/** A published campaign of `owner` whose vote is open now, made through the back-office action. */
async function openCampaign(owner: Collectivity, overrides: Partial<CampaignInput> = {}) {
  const now = DateTime.now()
  const created = await new SaveBudgetCampaign().handle(owner.id, {
    title: 'Budget des quartiers',
    totalAmount: 100_000,
    ballotRule: 'knapsack',
    allocationRule: 'greedy',
    proposalsOpensAt: now.minus({ days: 30 }),
    proposalsClosesAt: now.minus({ days: 10 }),
    voteOpensAt: now.minus({ days: 1 }),
    voteClosesAt: now.plus({ days: 7 }),
    ...overrides,
  })
  await BudgetCampaign.query().where('id', created.id).update({ status: 'published' })
  return created
}

async function project(
  campaign: BudgetCampaign,
  title: string,
  cost: number,
  district: BudgetDistrict | null = null
) {
  return BudgetProject.create({
    collectivityId: campaign.collectivityId,
    campaignId: campaign.id,
    districtId: district?.id ?? null,
    title,
    estimatedCost: cost,
    finalCost: cost,
    status: 'feasible',
  })
}

test.group('Participation: who may vote (districts, age, moving out)', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('districts: a citizen votes in the district of their home commune, within its own budget; results come per district', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    const communeC = await makeCollectivity('commune', 'Commune C', {
      departementId: t.departement.id,
      epciId: t.epci.id,
    })
    await enable([t.communeA, t.communeB, communeC, t.epci], ['budgets'])
    const campaign = await openCampaign(t.epci, {
      districts: [
        { name: 'Nord', budget: 60_000, communeIds: [t.communeA.id] },
        { name: 'Sud', budget: 40_000, communeIds: [t.communeB.id] },
      ],
    })
    const [north, south] = await BudgetDistrict.query()
      .where('campaignId', campaign.id)
      .orderBy('id')
    const park = await project(campaign, 'Parc du Nord', 50_000, north)
    const benches = await project(campaign, 'Bancs du Nord', 10_000, north)
    const school = await project(campaign, 'Cour d’école du Sud', 30_000, south)
    const path = await project(campaign, 'Chemin du Sud', 30_000, south)

    const north1 = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const north2 = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const south1 = await citizenWithToken({ homeCommuneId: t.communeB.id })
    const elsewhere = await citizenWithToken({ homeCommuneId: communeC.id })
    const vote = (token: string, ids: number[]) =>
      client
        .put(`/api/v1/budgets/${campaign.id}/ballot`)
        .bearerToken(token)
        .json({ project_ids: ids, submit: true })

    const refused = async (response: Awaited<ReturnType<typeof vote>>, status: number) => {
      response.assertStatus(status)
      await assertMatchesOpenApi(response)
      return response.body().errors[0]
    }
    // Another district's project is not on this voter's ballot.
    const foreign = await refused(await vote(north1.token, [school.id]), 422)
    assert.equal(foreign.code, 'E_UNKNOWN_PROJECT')
    // The district's own budget (40,000 €) is the limit, not the campaign's 100,000 €.
    const over = await refused(await vote(south1.token, [school.id, path.id]), 422)
    assert.match(over.message, /dépasse le budget \(40\s000\s€\)/)
    const outside = await refused(await vote(elsewhere.token, [park.id]), 403)
    assert.equal(outside.code, 'E_NO_DISTRICT')

    const first = await vote(north1.token, [park.id, benches.id])
    first.assertStatus(200)
    assert.equal(first.body().data.district_id, north.id)
    const second = await vote(north2.token, [benches.id])
    second.assertStatus(200)
    const southern = await vote(south1.token, [path.id])
    assert.equal(southern.body().data.district_id, south.id)

    const detail = await client.get(
      `/api/v1/collectivities/${t.communeA.code}/budgets/${campaign.id}`
    )
    assert.deepEqual(
      detail.body().data.districts.map((d: any) => [d.name, d.budget]),
      [
        ['Nord', 60_000],
        ['Sud', 40_000],
      ]
    )

    await new CloseBudgetVote().handle(campaign.id)
    const results = await client.get(
      `/api/v1/collectivities/${t.communeA.code}/budgets/${campaign.id}/results`
    )
    results.assertStatus(200)
    await assertMatchesOpenApi(results)
    const byDistrict = results.body().data.districts.map((d: any) => ({
      name: d.district_name,
      budget: d.budget,
      ballots: d.ballots,
      winners: d.winners,
      spent: d.spent,
    }))
    assert.deepEqual(byDistrict, [
      {
        name: 'Nord',
        budget: 60_000,
        ballots: 2,
        winners: [String(benches.id), String(park.id)],
        spent: 60_000,
      },
      { name: 'Sud', budget: 40_000, ballots: 1, winners: [String(path.id)], spent: 30_000 },
    ])
    assert.equal(results.body().data.ballots, 3)
    assert.equal(results.body().data.budget, 100_000)
    const recount = await new RecountBudget().handle(campaign.id)
    assert.isTrue(recount.matches)
  })

  test('minimum declared age: missing → 422 on declared_age, too young → 403, old enough counts and is kept on change', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA], ['budgets'])
    const campaign = await openCampaign(t.communeA, {
      ballotRule: 'approval',
      minProjects: 1,
      maxProjects: 1,
      minimumAge: 16,
    })
    const garden = await project(campaign, 'Jardin', 10_000)
    const library = await project(campaign, 'Boîte à livres', 2_000)
    const { token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const vote = (body: Record<string, unknown>) =>
      client.put(`/api/v1/budgets/${campaign.id}/ballot`).bearerToken(token).json(body)

    const missing = await vote({ project_ids: [garden.id], submit: true })
    missing.assertStatus(422)
    await assertMatchesOpenApi(missing)
    assert.deepInclude(missing.body().errors[0], { code: 'E_AGE_REQUIRED', field: 'declared_age' })
    const young = await vote({ project_ids: [garden.id], submit: true, declared_age: 15 })
    young.assertStatus(403)
    await assertMatchesOpenApi(young)
    assert.deepInclude(young.body().errors[0], {
      code: 'E_TOO_YOUNG',
      message: 'Ce vote est réservé aux personnes de 16 ans et plus',
    })
    assert.lengthOf(await BudgetBallot.query().where('campaignId', campaign.id), 0)

    const counted = await vote({ project_ids: [garden.id], submit: true, declared_age: 16 })
    counted.assertStatus(200)
    assert.deepInclude(counted.body().data, { declared_age: 16, status: 'submitted' })
    const changed = await vote({ project_ids: [library.id] })
    changed.assertStatus(200)
    assert.deepInclude(changed.body().data, { declared_age: 16, project_ids: [library.id] })
  })

  test('changing an answer, a submission or a ballot checks residence again: someone who moved out is refused and their answer stays', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA], ['polls', 'consultations', 'budgets'])
    const { citizen, token } = await citizenWithToken({ homeCommuneId: t.communeA.id })

    const { poll, optionIds } = await publishedPoll(t.communeA)
    const answered = await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .bearerToken(token)
      .json({ option_ids: [optionIds[0]] })
    answered.assertStatus(201)

    const { consultation, questions } = await publishedConsultation(t.communeA)
    const answers = (choice: number) => [
      { question_id: questions[0].id, choice_ids: [questions[0].choices[choice].id] },
      { question_id: questions[1].id, value: 3 },
    ]
    const submitted = await client
      .post(`/api/v1/consultations/${consultation.id}/submissions`)
      .bearerToken(token)
      .json({ answers: answers(0) })
    submitted.assertStatus(201)

    const campaign = await openCampaign(t.communeA, {
      ballotRule: 'approval',
      minProjects: 1,
      maxProjects: 1,
    })
    const garden = await project(campaign, 'Jardin', 10_000)
    const benches = await project(campaign, 'Bancs', 5_000)
    const ballot = (ids: number[]) =>
      client
        .put(`/api/v1/budgets/${campaign.id}/ballot`)
        .bearerToken(token)
        .json({ project_ids: ids, submit: true })
    const cast = await ballot([garden.id])
    cast.assertStatus(200)

    citizen.homeCommuneId = t.communeB.id
    await citizen.save()

    const pollChange = await client
      .put(`/api/v1/polls/${poll.id}/answers/${answered.body().data.id}`)
      .bearerToken(token)
      .json({ option_ids: [optionIds[1]] })
    pollChange.assertStatus(403)
    await assertMatchesOpenApi(pollChange)
    assert.equal(pollChange.body().errors[0].code, 'E_NOT_RESIDENT')
    const chosen = await db
      .from('participation_poll_choices')
      .where('answer_id', answered.body().data.id)
      .select('option_id')
    assert.deepEqual(
      chosen.map((row) => row.option_id),
      [optionIds[0]]
    )

    const consultationChange = await client
      .put(`/api/v1/consultations/${consultation.id}/submissions/${submitted.body().data.id}`)
      .bearerToken(token)
      .json({ answers: answers(1) })
    consultationChange.assertStatus(403)
    await assertMatchesOpenApi(consultationChange)
    assert.equal(consultationChange.body().errors[0].code, 'E_NOT_RESIDENT')
    const kept = await ConsultationAnswer.query()
      .where('submissionId', submitted.body().data.id)
      .where('questionId', questions[0].id)
      .firstOrFail()
    assert.deepEqual(kept.choiceIds, [questions[0].choices[0].id])

    const ballotChange = await ballot([benches.id])
    ballotChange.assertStatus(403)
    assert.equal(ballotChange.body().errors[0].code, 'E_NOT_RESIDENT')
    const stored = await BudgetBallot.findByOrFail({
      campaignId: campaign.id,
      citizenId: citizen.id,
    })
    assert.deepEqual(stored.projectIds, [garden.id])
  })
})
