import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import BudgetBallot from '#participation/models/budget_ballot'
import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetProject from '#participation/models/budget_project'
import { signIn } from '#tests/helpers/browser'
import { makeAgent, makeCollectivity } from '../../functional/tenancy/fixtures.js'
import { enable } from '../../functional/participation/fixtures.js'
import { assertNoSeriousViolation, parisLocal } from './participation_helpers.js'

/**
 * A participatory budget run from the back-office in Chromium: created (a French refusal first)
 * and edited, its projects reviewed (feasible with a final cost, not feasible with a reason, a
 * duplicate merged), the vote opened, a paper ballot entered, the results read with their
 * chart; axe-core on each page. Tables are truncated so that the server sees the rows.
 */
/** The form that holds a control. */
const formOf = (page: any, control: string) => page.locator('form', { has: page.locator(control) })

test.group('Participation back-office in a browser: budgets', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.timeout(300_000)

  test('create and edit a campaign, review, merge, open the vote, enter a paper ballot, read the results', async ({
    visit,
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Condom navigateur')
    await enable([commune], ['budgets'])
    await makeAgent('budgets@example.test', [[commune, 'editor']])
    const page = await signIn(visit, 'budgets@example.test')

    await page.goto('/participation/budgets?edit=new')
    await page.getByRole('heading', { name: 'Nouveau budget participatif' }).waitFor()
    await assertNoSeriousViolation(page, assert, 'new campaign form')
    await page.locator('#budget-total').fill('50000')
    await page.getByLabel('Ouverture des propositions').fill(parisLocal(-1, DateTime))
    await page.getByLabel('Fin des propositions').fill(parisLocal(2, DateTime))
    await page.getByLabel('Ouverture du vote').fill(parisLocal(3, DateTime))
    await page.getByLabel('Clôture du vote').fill(parisLocal(10, DateTime))
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    // No title: refused in French next to its field, the amount kept.
    const titleError = page.locator('#budget-title-error')
    await titleError.waitFor()
    assert.match(await titleError.innerText(), /titre/)
    assert.equal(await page.locator('#budget-total').inputValue(), '50000')

    await page.locator('#budget-title').fill('Budget participatif de Condom')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await page.getByRole('heading', { name: /Modifier : Budget participatif de Condom/ }).waitFor()
    await page.locator('#budget-description').fill('Vos idées pour la ville')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await page.getByText('Modifications enregistrées.').waitFor()
    const campaign = await BudgetCampaign.findByOrFail({ collectivityId: commune.id })
    assert.equal(campaign.description, 'Vos idées pour la ville')
    assert.equal(campaign.totalAmount, 50_000)

    const [garden, pool, orchard] = await Promise.all(
      [
        ['Jardin partagé', 20_000],
        ['Piscine olympique', 3_000_000],
        ['Verger partagé', 18_000],
      ].map(([title, cost]) =>
        BudgetProject.create({
          collectivityId: commune.id,
          campaignId: campaign.id,
          title: title as string,
          description: 'Une proposition d’habitant',
          estimatedCost: cost as number,
          status: 'submitted',
        })
      )
    )
    await page.goto(`/participation/budgets/${campaign.id}`)
    await page.getByRole('heading', { name: 'Budget participatif de Condom' }).waitFor()
    await page.getByRole('button', { name: 'Publier' }).click()
    await page.getByText('Phase des propositions ouverte.').waitFor()
    await assertNoSeriousViolation(page, assert, 'campaign page during the review')

    await page.locator(`#reason-${garden.id}`).fill('Terrain communal disponible')
    await page.locator(`#cost-${garden.id}`).fill('22000')
    await formOf(page, `#feasible-${garden.id}`)
      .getByRole('button', { name: 'Enregistrer l’avis' })
      .click()
    await page.getByText('Instruction enregistrée.').waitFor()
    await page.locator(`#feasible-${pool.id}`).selectOption({ label: 'Non faisable' })
    await page.locator(`#reason-${pool.id}`).fill('Coût hors de portée du budget')
    await page.locator(`#reason-${pool.id}`).press('Enter')
    await page.getByText('Motif public : Coût hors de portée du budget').waitFor()
    await page.locator(`#merge-${orchard.id}`).selectOption({ label: 'Jardin partagé' })
    await formOf(page, `#merge-${orchard.id}`).getByRole('button', { name: 'Fusionner' }).click()
    await page.getByText('Projets fusionnés.').waitFor()
    const reviewed = await BudgetProject.query().where('campaignId', campaign.id).orderBy('id')
    assert.deepEqual(
      reviewed.map((p) => [p.title, p.status]),
      [
        ['Jardin partagé', 'feasible'],
        ['Piscine olympique', 'unfeasible'],
        ['Verger partagé', 'merged'],
      ]
    )
    assert.deepInclude(reviewed[0].$attributes, {
      finalCost: 22_000,
      reviewReason: 'Terrain communal disponible',
    })
    assert.equal(reviewed[1].reviewReason, 'Coût hors de portée du budget')
    assert.equal(reviewed[2].mergedIntoId, garden.id)

    await page.getByRole('button', { name: 'Clore les propositions' }).click()
    await page.getByText('Propositions closes').waitFor()
    await page.getByRole('button', { name: 'Ouvrir le vote' }).click()
    await page.getByRole('heading', { name: 'Saisir un bulletin papier' }).waitFor()
    await assertNoSeriousViolation(page, assert, 'campaign page during the vote')
    await page.getByLabel(/Jardin partagé/).check()
    await page.getByRole('button', { name: 'Enregistrer le bulletin papier' }).click()
    await page.getByText('Bulletin papier enregistré.').waitFor()
    const ballot = await BudgetBallot.findByOrFail({ campaignId: campaign.id })
    assert.equal(ballot.kind, 'paper')
    assert.deepEqual(ballot.projectIds, [garden.id])

    await page.getByRole('link', { name: 'Résultats', exact: true }).click()
    await page.getByRole('heading', { name: 'Résultats : Budget participatif de Condom' }).waitFor()
    await page.locator('canvas').first().waitFor()
    const rows = await page.getByTestId('result-row').allInnerTexts()
    assert.lengthOf(rows, 1)
    assert.include(rows[0], 'Jardin partagé')
    await assertNoSeriousViolation(page, assert, 'results page')
  })
})
