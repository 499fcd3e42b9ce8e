import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { territory } from '#tests/functional/tenancy/fixtures'
import { citizenWithToken, TEST_PASSWORD } from '#tests/helpers/citizens'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import { citizenMedia } from '#tests/fixtures/signalement/gers'
import { enable } from './fixtures.js'
import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetBallot from '#participation/models/budget_ballot'
import BudgetProject from '#participation/models/budget_project'
import SaveBudgetCampaign from '#participation/actions/budgets/save_budget_campaign'
import AdvanceBudgetPhase from '#participation/actions/budgets/advance_budget_phase'
import CloseBudgetVote from '#participation/actions/budgets/close_budget_vote'
import RecountBudget from '#participation/actions/budgets/recount_budget'

const phases = (offsets: { proposals: [number, number]; vote: [number, number] }) => {
  const now = DateTime.now()
  return {
    proposalsOpensAt: now.plus({ days: offsets.proposals[0] }),
    proposalsClosesAt: now.plus({ days: offsets.proposals[1] }),
    voteOpensAt: now.plus({ days: offsets.vote[0] }),
    voteClosesAt: now.plus({ days: offsets.vote[1] }),
  }
}

/** A campaign of `collectivityId` made and published through the back-office actions. */
async function publishedCampaign(
  collectivityId: number,
  title: string,
  dates: ReturnType<typeof phases>
) {
  const campaign = await new SaveBudgetCampaign().handle(collectivityId, {
    title,
    description: 'Vos projets pour le territoire',
    totalAmount: 50_000,
    ballotRule: 'approval',
    minProjects: 1,
    maxProjects: 2,
    allocationRule: 'greedy',
    ...dates,
  })
  return { campaign, publish: () => new AdvanceBudgetPhase().handle(collectivityId, campaign.id) }
}

const feedBudgets = async (client: any, code: string) => {
  const feed = await client.get(`/api/v1/collectivities/${code}/feed`)
  feed.assertStatus(200)
  await assertMatchesOpenApi(feed)
  return feed
    .body()
    .data.filter((item: any) => item.type === 'budget')
    .map((item: any) => item.title)
}

test.group('Participation: budgets in the feed, photos of proposals, GDPR', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('a published campaign enters the feed of its communes from the proposals to the close, as polls do', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA, t.epci], ['budgets'])
    const own = await publishedCampaign(
      t.communeA.id,
      'Budget de la commune',
      phases({ proposals: [-1, 5], vote: [6, 12] })
    )
    const epci = await publishedCampaign(
      t.epci.id,
      'Budget de l’EPCI',
      phases({ proposals: [-20, -10], vote: [-1, 7] })
    )
    const later = await publishedCampaign(
      t.communeA.id,
      'Budget de l’an prochain',
      phases({ proposals: [30, 40], vote: [41, 50] })
    )
    assert.deepEqual(await feedBudgets(client, t.communeA.code), [], 'drafts stay out of the feed')

    await own.publish()
    await epci.publish()
    await later.publish()
    assert.sameMembers(await feedBudgets(client, t.communeA.code), [
      'Budget de la commune',
      'Budget de l’EPCI',
    ])

    await new CloseBudgetVote().handle(epci.campaign.id)
    assert.deepEqual(await feedBudgets(client, t.communeA.code), ['Budget de la commune'])
    // Switching the feature off takes the authority's budgets out of its feed.
    t.communeA.modules = { budgets: { enabled: false, settings: {} } }
    await t.communeA.save()
    assert.deepEqual(await feedBudgets(client, t.communeA.code), [])
  })

  test('proposal photos: only the citizen’s own ready images, in order, shown in the API and the back-office', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA], ['budgets'])
    const { campaign, publish } = await publishedCampaign(
      t.communeA.id,
      'Budget participatif',
      phases({ proposals: [-1, 5], vote: [6, 12] })
    )
    await publish()
    const author = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const other = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const front = await citizenMedia(author.citizen.id, t.communeA.id)
    const side = await citizenMedia(author.citizen.id, t.communeA.id)
    const pending = await citizenMedia(author.citizen.id, t.communeA.id, 'image', 'processing')
    const video = await citizenMedia(author.citizen.id, t.communeA.id, 'video')
    const foreign = await citizenMedia(other.citizen.id, t.communeA.id)
    const propose = (photoIds: number[]) =>
      client.post(`/api/v1/budgets/${campaign.id}/proposals`).bearerToken(author.token).json({
        title: 'Verger partagé',
        description: 'Des arbres fruitiers au bord du stade',
        estimated_cost: 12_000,
        photo_ids: photoIds,
      })

    for (const [ids, code] of [
      [[front.id, foreign.id], 'E_PHOTO_NOT_FOUND'],
      [[video.id], 'E_PHOTO_NOT_FOUND'],
      [[front.id, pending.id], 'E_PHOTO_NOT_READY'],
    ] as const) {
      const refused = await propose([...ids])
      refused.assertStatus(422)
      await assertMatchesOpenApi(refused)
      assert.deepInclude(refused.body().errors[0], { code, field: 'photo_ids' })
    }
    assert.lengthOf(await BudgetProject.query().where('campaignId', campaign.id), 0)

    const created = await propose([side.id, front.id])
    created.assertStatus(201)
    await assertMatchesOpenApi(created)
    assert.deepEqual(
      created.body().data.photos.map((photo: any) => photo.id),
      [side.id, front.id]
    )
    assert.match(created.body().data.photos[0].variants[0].url, /^https?:\/\/.+\/media\//)

    // Readers see the project once reviewed (the proposals phase shows submitted ones too).
    const detail = await client.get(
      `/api/v1/collectivities/${t.communeA.code}/budgets/${campaign.id}`
    )
    await assertMatchesOpenApi(detail)
    assert.deepEqual(
      detail.body().data.projects[0].photos.map((photo: any) => photo.id),
      [side.id, front.id]
    )

    const page = await client
      .get(`/participation/budgets/${campaign.id}`)
      .withInertia()
      .loginAs(t.editorA)
    page.assertStatus(200)
    const photos = page.body().props.projects[0].photos
    assert.deepEqual(
      photos.map((photo: any) => photo.id),
      [side.id, front.id]
    )
    assert.match(photos[0].url, /\/media\/.+\.webp$/)
  })

  test('the citizen’s export holds their ballots and proposals; deleting the account detaches them and the count stays', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA], ['budgets'])
    const { citizen, token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const proposing = await publishedCampaign(
      t.communeA.id,
      'Budget aux propositions',
      phases({ proposals: [-1, 5], vote: [6, 12] })
    )
    await proposing.publish()
    const proposal = await client
      .post(`/api/v1/budgets/${proposing.campaign.id}/proposals`)
      .bearerToken(token)
      .json({ title: 'Boîte à livres', description: 'Près de l’école', estimated_cost: 800 })
    proposal.assertStatus(201)

    const voting = await publishedCampaign(
      t.communeA.id,
      'Budget au vote',
      phases({ proposals: [-20, -10], vote: [-1, 7] })
    )
    await voting.publish()
    await BudgetCampaign.query().where('id', voting.campaign.id).update({ minimum_age: 16 })
    const project = await BudgetProject.create({
      collectivityId: t.communeA.id,
      campaignId: voting.campaign.id,
      title: 'Jardin',
      estimatedCost: 10_000,
      finalCost: 10_000,
      status: 'feasible',
    })
    const ballot = await client
      .put(`/api/v1/budgets/${voting.campaign.id}/ballot`)
      .bearerToken(token)
      .json({ project_ids: [project.id], submit: true, declared_age: 17 })
    ballot.assertStatus(200)

    const exported = await client.get('/api/v1/me/export').bearerToken(token)
    exported.assertStatus(200)
    await assertMatchesOpenApi(exported)
    const mine = exported.body().modules.participation
    assert.lengthOf(mine.budget_ballots, 1)
    assert.deepInclude(mine.budget_ballots[0], {
      campaign_id: voting.campaign.id,
      title: 'Budget au vote',
      project_ids: [project.id],
      declared_age: 17,
    })
    assert.isNotNull(mine.budget_ballots[0].submitted_at)
    assert.lengthOf(mine.budget_proposals, 1)
    assert.deepInclude(mine.budget_proposals[0], {
      campaign_id: proposing.campaign.id,
      title: 'Boîte à livres',
      description: 'Près de l’école',
    })
    assert.notProperty(mine.budget_ballots[0], 'voter_ref')

    const deleted = await client
      .delete('/api/v1/me')
      .bearerToken(token)
      .json({ password: TEST_PASSWORD })
    deleted.assertStatus(204)
    const kept = await BudgetBallot.findOrFail(ballot.body().data.id)
    assert.isNull(kept.citizenId)
    assert.deepEqual(kept.projectIds, [project.id])
    const authored = await BudgetProject.findOrFail(proposal.body().data.id)
    assert.isNull(authored.authorCitizenId)
    const left = await db
      .from('participation_budget_ballots')
      .where('citizen_id', citizen.id)
      .count('* as n')
    assert.equal(Number(left[0].n), 0)

    const results = await new CloseBudgetVote().handle(voting.campaign.id)
    assert.equal(results.results!.ballots, 1)
    const recount = await new RecountBudget().handle(voting.campaign.id)
    assert.isTrue(recount.matches)
  })
})
