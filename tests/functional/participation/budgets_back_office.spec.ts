import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import mail from '@adonisjs/mail/services/main'
import testUtils from '@adonisjs/core/services/test_utils'
import { territory } from '#tests/functional/tenancy/fixtures'
import { citizenWithToken } from '#tests/helpers/citizens'
import { enable } from './fixtures.js'
import BudgetBallot from '#participation/models/budget_ballot'
import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetProject from '#participation/models/budget_project'
import CloseDueBudgetVotes from '#participation/actions/budgets/close_due_budget_votes'
import { parisInput } from '#participation/support/window'

const form = (overrides: Record<string, unknown> = {}) => {
  const now = DateTime.now()
  return {
    title: 'Budget participatif 2027',
    description: 'Vos idées pour la commune',
    totalAmount: 50_000,
    ballotRule: 'approval',
    minProjects: 1,
    maxProjects: 2,
    allocationRule: 'equal_shares',
    themes: ['nature'],
    proposalsOpensAt: parisInput(now.minus({ days: 1 })),
    proposalsClosesAt: parisInput(now.plus({ days: 1 })),
    voteOpensAt: parisInput(now.plus({ days: 2 })),
    voteClosesAt: parisInput(now.plus({ days: 9 })),
    ...overrides,
  }
}

test.group('Participation back-office: budgets', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  let mails: ReturnType<typeof mail.fake>
  group.each.setup(() => {
    mails = mail.fake()
    return () => mail.restore()
  })

  test('an editor creates a campaign (French refusals), citizens propose, agents review, merge and hide with a mailed reason', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA], ['budgets'])
    const refused = await client
      .post('/participation/budgets')
      .withCsrfToken()
      .redirects(0)
      .json(form({ title: '', totalAmount: -5 }))
      .loginAs(t.editorA)
    refused.assertStatus(302)
    const errors = refused.flashMessages().inputErrorsBag as Record<string, string[]>
    assert.match(String(errors.title), /titre/)
    assert.match(String(errors.totalAmount), /montant total/)

    const created = await client
      .post('/participation/budgets')
      .withCsrfToken()
      .redirects(0)
      .json(form())
      .loginAs(t.editorA)
    created.assertStatus(302)
    const campaign = await BudgetCampaign.findByOrFail({
      collectivityId: t.communeA.id,
      title: 'Budget participatif 2027',
    })
    assert.equal(campaign.status, 'draft')
    await client
      .post(`/participation/budgets/${campaign.id}/phase`)
      .withCsrfToken()
      .redirects(0)
      .loginAs(t.editorA)
    await campaign.refresh()
    assert.equal(campaign.status, 'published')

    const author = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const propose = (title: string) =>
      client.post(`/api/v1/budgets/${campaign.id}/proposals`).bearerToken(author.token).json({
        title,
        description: 'Un projet pour tous les habitants',
        estimated_cost: 20_000,
        theme: 'nature',
      })
    const first = await propose('Verger partagé')
    first.assertStatus(201)
    const duplicate = await propose('Verger collectif')
    const spam = await propose('Publicité')

    await client
      .post(`/participation/budgets/${campaign.id}/projects/${first.body().data.id}/review`)
      .withCsrfToken()
      .json({ feasible: true, reason: 'Terrain communal disponible', finalCost: 25_000 })
      .loginAs(t.editorA)
    await client
      .post(`/participation/budgets/${campaign.id}/projects/${duplicate.body().data.id}/merge`)
      .withCsrfToken()
      .json({ intoId: first.body().data.id })
      .loginAs(t.editorA)
    const editorHide = await client
      .post(`/participation/budgets/${campaign.id}/projects/${spam.body().data.id}/hide`)
      .withCsrfToken()
      .redirects(0)
      .json({ reason: 'Contenu publicitaire' })
      .loginAs(t.editorA)
    editorHide.assertStatus(403)
    await client
      .post(`/participation/budgets/${campaign.id}/projects/${spam.body().data.id}/hide`)
      .withCsrfToken()
      .json({ reason: 'Contenu publicitaire' })
      .loginAs(t.moderatorA)

    const projects = await BudgetProject.query().where('campaignId', campaign.id).orderBy('id')
    assert.deepEqual(
      projects.map((p) => [p.title, p.status, p.cost]),
      [
        ['Verger partagé', 'feasible', 25_000],
        ['Verger collectif', 'merged', 20_000],
        ['Publicité', 'hidden', 20_000],
      ]
    )
    const sent = mails.mails.sent()
    assert.lengthOf(sent, 0)
    const queued = mails.mails.queued()
    assert.lengthOf(queued, 1)
    queued[0].message.assertTo(author.citizen.email)
    queued[0].message.assertTextIncludes('Motif : Contenu publicitaire')

    const page = await client
      .get(`/participation/budgets/${campaign.id}`)
      .withInertia()
      .loginAs(t.editorA)
    page.assertStatus(200)
    assert.equal(page.body().component, 'participation/budgets/show')
    assert.lengthOf(page.body().props.projects, 3)
  })

  test('rules are frozen once the vote opens (refused with the reason); paper ballots count; closing records the digest; CSV for spreadsheets', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA], ['budgets'])
    await client
      .post('/participation/budgets')
      .withCsrfToken()
      .json(form({ allocationRule: 'greedy' }))
      .loginAs(t.adminA)
    const campaign = await BudgetCampaign.findByOrFail({ collectivityId: t.communeA.id })
    const [a, b] = await Promise.all(
      ['Aire de jeux', 'Abri vélos'].map((title, index) =>
        BudgetProject.create({
          collectivityId: t.communeA.id,
          campaignId: campaign.id,
          title,
          estimatedCost: 30_000 - index * 10_000,
          status: 'feasible',
        })
      )
    )
    await client
      .post(`/participation/budgets/${campaign.id}/phase`)
      .withCsrfToken()
      .loginAs(t.adminA) // publish
    await client
      .post(`/participation/budgets/${campaign.id}/phase`)
      .withCsrfToken()
      .loginAs(t.adminA) // close proposals
    await client
      .post(`/participation/budgets/${campaign.id}/phase`)
      .withCsrfToken()
      .loginAs(t.adminA) // open the vote
    await campaign.refresh()
    assert.equal(campaign.phaseAt(), 'vote')

    const frozen = await client
      .put(`/participation/budgets/${campaign.id}`)
      .withCsrfToken()
      .redirects(0)
      .json(
        form({
          allocationRule: 'equal_shares',
          voteOpensAt: parisInput(campaign.voteOpensAt),
          proposalsOpensAt: parisInput(campaign.proposalsOpensAt),
          proposalsClosesAt: parisInput(campaign.proposalsClosesAt),
        })
      )
      .loginAs(t.adminA)
    frozen.assertStatus(302)
    assert.match(
      String(frozen.flashMessages().error),
      /Le vote est ouvert depuis le .* ne peuvent plus changer/
    )
    await campaign.refresh()
    assert.equal(campaign.allocationRule, 'greedy')

    const paper = await client
      .post(`/participation/budgets/${campaign.id}/paper-ballots`)
      .withCsrfToken()
      .redirects(0)
      .json({ projectIds: [a.id, b.id] })
      .loginAs(t.editorA)
    paper.assertStatus(302)
    const tooMany = await client
      .post(`/participation/budgets/${campaign.id}/paper-ballots`)
      .withCsrfToken()
      .redirects(0)
      .json({ projectIds: [] })
      .loginAs(t.editorA)
    assert.match(String(tooMany.flashMessages().error), /Choisissez au moins un projet/)
    const ballot = await BudgetBallot.findByOrFail({ campaignId: campaign.id })
    assert.deepInclude(ballot.$attributes, {
      kind: 'paper',
      enteredByAgentId: t.editorA.id,
      citizenId: null,
    })

    const voter = await citizenWithToken({ homeCommuneId: t.communeA.id })
    const online = await client
      .put(`/api/v1/budgets/${campaign.id}/ballot`)
      .bearerToken(voter.token)
      .json({ project_ids: [b.id], submit: true })
    online.assertStatus(200)

    await client
      .post(`/participation/budgets/${campaign.id}/phase`)
      .withCsrfToken()
      .loginAs(t.adminA) // close the vote
    await campaign.refresh()
    assert.isNotNull(campaign.closedAt)
    assert.match(campaign.ballotsDigest!, /^[0-9a-f]{64}$/)
    assert.deepEqual(campaign.results!.winners, [String(b.id), String(a.id)])
    const again = await new CloseDueBudgetVotes().handle()
    assert.deepEqual(again.closed, [])

    const results = await client
      .get(`/participation/budgets/${campaign.id}/results`)
      .withInertia()
      .loginAs(t.editorA)
    results.assertStatus(200)
    assert.isTrue(results.body().props.published)
    assert.deepEqual(
      results
        .body()
        .props.results.districts[0].projects.map((p: any) => [p.title, p.votes, p.funded]),
      [
        ['Abri vélos', 2, true],
        ['Aire de jeux', 1, true],
      ]
    )
    const compared = await client
      .get(`/participation/budgets/${campaign.id}/results?rule=equal_shares`)
      .withInertia()
      .loginAs(t.editorA)
    assert.isFalse(compared.body().props.published)

    const csv = await client.get(`/participation/budgets/${campaign.id}/export`).loginAs(t.editorA)
    csv.assertStatus(200)
    assert.isTrue(csv.text().startsWith('\uFEFFQuartier;Projet;Titre;Voix'))
    assert.include(csv.text(), `;${b.id};Abri vélos;2;20000;oui;financé;`)
  })

  test('the close job closes campaigns whose vote has ended, once', async ({ assert }) => {
    const t = await territory()
    const now = DateTime.now()
    const campaign = await BudgetCampaign.create({
      collectivityId: t.communeA.id,
      title: 'Clos par le temps',
      status: 'published',
      totalAmount: 1000,
      ballotRule: 'approval',
      allocationRule: 'greedy',
      themes: [],
      proposalsOpensAt: now.minus({ days: 9 }),
      proposalsClosesAt: now.minus({ days: 8 }),
      voteOpensAt: now.minus({ days: 7 }),
      voteClosesAt: now.minus({ minutes: 1 }),
      source: 'own',
      sourceMeta: null,
    })
    const first = await new CloseDueBudgetVotes().handle()
    const second = await new CloseDueBudgetVotes().handle()
    assert.deepEqual(first.closed, [campaign.id])
    assert.deepEqual(second.closed, [])
    await campaign.refresh()
    assert.isNotNull(campaign.ballotsDigest)
  })
})
