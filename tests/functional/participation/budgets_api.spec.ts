import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { territory } from '#tests/functional/tenancy/fixtures'
import { citizenWithToken } from '#tests/helpers/citizens'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { campaignOf, enable } from './fixtures.js'
import CloseBudgetVote from '#participation/actions/budgets/close_budget_vote'
import RecountBudget from '#participation/actions/budgets/recount_budget'
import EnterPaperBallot from '#participation/actions/budgets/enter_paper_ballot'
import Tenant from '#kernel/tenancy/tenant'

test.group('Participation API: budgets', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a commune lists and reads its EPCI’s budget with its projects', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA, t.epci], ['budgets'])
    const { campaign } = await campaignOf(t.epci)
    const list = await client.get(`/api/v1/collectivities/${t.communeA.code}/budgets`)
    list.assertStatus(200)
    await assertMatchesOpenApi(list)
    assert.deepEqual(
      list.body().data.map((c: any) => [c.title, c.origin, c.phase]),
      [['Budget participatif 2027', 'epci', 'vote']]
    )
    const detail = await client.get(
      `/api/v1/collectivities/${t.communeA.code}/budgets/${campaign.id}`
    )
    detail.assertStatus(200)
    await assertMatchesOpenApi(detail)
    assert.lengthOf(detail.body().data.projects, 3)
    assert.equal(detail.body().data.rule_text, 'Choisissez de 1 à 2 projets')
  })

  test('a resident saves a draft, submits, changes it until the close; only their own ballot is readable', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA, t.epci], ['budgets'])
    const { campaign, projects } = await campaignOf(t.epci)
    const { token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const put = (ids: number[], submit?: boolean) =>
      client
        .put(`/api/v1/budgets/${campaign.id}/ballot`)
        .bearerToken(token)
        .json({ project_ids: ids, ...(submit === undefined ? {} : { submit }) })

    const draft = await put([])
    draft.assertStatus(200)
    await assertMatchesOpenApi(draft)
    assert.equal(draft.body().data.status, 'draft')
    const emptySubmit = await client
      .post(`/api/v1/budgets/${campaign.id}/ballot/submit`)
      .bearerToken(token)
      .json({})
    emptySubmit.assertStatus(422)
    assert.equal(emptySubmit.body().errors[0].code, 'E_EMPTY_BALLOT')

    await put([projects[0].id])
    const submitted = await client
      .post(`/api/v1/budgets/${campaign.id}/ballot/submit`)
      .bearerToken(token)
      .json({})
    submitted.assertStatus(200)
    await assertMatchesOpenApi(submitted)
    assert.equal(submitted.body().data.status, 'submitted')
    const changed = await put([projects[1].id, projects[2].id])
    assert.deepInclude(changed.body().data, {
      status: 'submitted',
      project_ids: [projects[1].id, projects[2].id],
    })

    const mine = await client
      .get(`/api/v1/budget-ballots/${changed.body().data.id}`)
      .bearerToken(token)
    mine.assertStatus(200)
    await assertMatchesOpenApi(mine)
    const participations = await client.get('/api/v1/me/participations').bearerToken(token)
    await assertMatchesOpenApi(participations)
    assert.deepInclude(participations.body().data[0], {
      type: 'budget',
      id: campaign.id,
      answer_id: changed.body().data.id,
      can_change: true,
    })

    const other = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const foreign = await client
      .get(`/api/v1/budget-ballots/${changed.body().data.id}`)
      .bearerToken(other.token)
    foreign.assertStatus(404)
    await assertMatchesOpenApi(foreign)
  })

  test('bad input: vote phase 409, non-resident 403, min/max and budget 422 naming the rule, unknown project 422', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA, t.communeB, t.epci], ['budgets'])
    const { campaign, projects } = await campaignOf(t.communeA)
    const { token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const put = (id: number, ids: number[], bearer = token) =>
      client
        .put(`/api/v1/budgets/${id}/ballot`)
        .bearerToken(bearer)
        .json({ project_ids: ids, submit: true })

    const tooMany = await put(
      campaign.id,
      projects.map((p) => p.id)
    )
    tooMany.assertStatus(422)
    await assertMatchesOpenApi(tooMany)
    assert.deepInclude(tooMany.body().errors[0], {
      code: 'E_TOO_MANY_PROJECTS',
      message: 'Règle du vote : au plus 2 projets (3 choisis)',
      field: 'project_ids',
    })
    const unknown = await put(campaign.id, [999_999])
    assert.equal(unknown.body().errors[0].code, 'E_UNKNOWN_PROJECT')

    const outsider = await citizenWithToken({ homeCommuneId: t.communeB.id })
    const refused = await put(campaign.id, [projects[0].id], outsider.token)
    refused.assertStatus(403)
    assert.equal(refused.body().errors[0].code, 'E_NOT_RESIDENT')

    const knapsack = await campaignOf(t.communeA, {
      ballotRule: 'knapsack',
      minProjects: null,
      maxProjects: null,
      minSpendPercent: 50,
    })
    const over = await put(knapsack.campaign.id, [knapsack.projects[0].id, knapsack.projects[1].id])
    over.assertStatus(422)
    assert.match(
      over.body().errors[0].message,
      /^Règle du vote : le total des projets choisis \(110\s000\s€\) dépasse le budget \(100\s000\s€\)$/
    )
    const under = await put(knapsack.campaign.id, [knapsack.projects[2].id])
    assert.equal(under.body().errors[0].code, 'E_UNDER_MIN_SPEND')

    const closed = await campaignOf(t.communeA, {
      voteOpensAt: DateTime.now().minus({ days: 5 }),
      voteClosesAt: DateTime.now().minus({ days: 1 }),
    })
    const late = await put(closed.campaign.id, [closed.projects[0].id])
    late.assertStatus(409)
    await assertMatchesOpenApi(late)
    assert.equal(late.body().errors[0].code, 'E_CLOSED')
  })

  test('racing submissions leave one ballot; paper ballots count the same; results carry the digest and the recount agrees', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA], ['budgets'])
    const { campaign, projects } = await campaignOf(t.communeA)
    const { token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const responses = await Promise.all(
      [0, 1, 2, 0, 1].map((index) =>
        client
          .put(`/api/v1/budgets/${campaign.id}/ballot`)
          .bearerToken(token)
          .json({ project_ids: [projects[index].id], submit: true })
      )
    )
    for (const response of responses) response.assertStatus(200)
    const [{ n }] = await db
      .from('participation_budget_ballots')
      .where('campaign_id', campaign.id)
      .count('* as n')
    assert.equal(Number(n), 1)

    const paper = await new EnterPaperBallot().handle(
      new Tenant(t.adminA, t.communeA, 'admin'),
      t.adminA.id,
      campaign.id,
      { projectIds: [projects[1].id] }
    )
    assert.deepInclude(paper.$attributes, { kind: 'paper', enteredByAgentId: t.adminA.id })

    const early = await client.get(
      `/api/v1/collectivities/${t.communeA.code}/budgets/${campaign.id}/results`
    )
    early.assertStatus(404)
    await new CloseBudgetVote().handle(campaign.id)
    const results = await client.get(
      `/api/v1/collectivities/${t.communeA.code}/budgets/${campaign.id}/results`
    )
    results.assertStatus(200)
    await assertMatchesOpenApi(results)
    const body = results.body().data
    assert.equal(body.ballots, 2)
    assert.match(body.ballots_digest, /^[0-9a-f]{64}$/)
    const votes = body.districts[0].projects.map((p: any) => p.votes)
    assert.equal(
      votes.reduce((a: number, b: number) => a + b, 0),
      2
    )
    const recount = await new RecountBudget().handle(campaign.id)
    assert.isTrue(recount.matches)
    const late = await client
      .put(`/api/v1/budgets/${campaign.id}/ballot`)
      .bearerToken(token)
      .json({ project_ids: [projects[2].id] })
    late.assertStatus(409)
  })
})
