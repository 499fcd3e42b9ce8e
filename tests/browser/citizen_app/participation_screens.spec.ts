import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import OnboardCommune from '#kernel/territories/actions/onboard_commune'
import Collectivity from '#kernel/territories/models/collectivity'
import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetProject from '#participation/models/budget_project'
import BudgetBallot from '#participation/models/budget_ballot'
import Poll from '#participation/models/poll'
import ConsultationSubmission from '#participation/models/consultation_submission'
import { citizenWithToken } from '#tests/helpers/citizens'
import {
  enable,
  publishedConsultation,
  publishedPoll,
} from '../../functional/participation/fixtures.js'
import { assertFitsPhones, openSignedIn, seriousViolations } from './fixtures.js'

/** Auch onboarded with polls, consultations and budgets switched on; a resident and an outsider. */
async function auchParticipation() {
  await new OnboardCommune().handle({ insee: '32013' })
  await new OnboardCommune().handle({ insee: '32107' })
  const auch = await Collectivity.findByOrFail({ kind: 'commune', code: '32013' })
  const condom = await Collectivity.findByOrFail({ kind: 'commune', code: '32107' })
  await enable([auch], ['polls', 'consultations', 'budgets'])
  const resident = await citizenWithToken({ homeCommuneId: auch.id })
  const outsider = await citizenWithToken({ homeCommuneId: condom.id })
  return { auch, resident, outsider }
}

async function budgetOf(owner: Collectivity, overrides: Partial<BudgetCampaign> = {}) {
  const now = DateTime.now()
  const campaign = await BudgetCampaign.create({
    collectivityId: owner.id,
    title: 'Budget participatif 2027',
    description: 'Vos projets pour la ville',
    status: 'published',
    totalAmount: 100_000,
    ballotRule: 'knapsack',
    minProjects: null,
    maxProjects: null,
    minSpendPercent: 50,
    allocationRule: 'greedy',
    minimumAge: null,
    themes: [],
    proposalsOpensAt: now.minus({ days: 30 }),
    proposalsClosesAt: now.minus({ days: 10 }),
    voteOpensAt: now.minus({ days: 1 }),
    voteClosesAt: now.plus({ days: 7 }),
    source: 'own',
    sourceMeta: null,
    ...overrides,
  } as any)
  const projects: BudgetProject[] = []
  for (const [title, cost] of [
    ['Jardin partagé', 60_000],
    ['Piste cyclable', 50_000],
    ['Bancs', 10_000],
  ] as const) {
    projects.push(
      await BudgetProject.create({
        collectivityId: owner.id,
        campaignId: campaign.id,
        title,
        description: `${title} : le projet en détail.`,
        estimatedCost: cost,
        finalCost: cost,
        status: 'feasible',
      } as any)
    )
  }
  return { campaign, projects }
}

test.group('Citizen app: participation screens in a browser', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('a poll: empty answer refused (422), at most the maximum, answered by keyboard, changed, results; closed meanwhile (409)', async ({
    visit,
    assert,
  }) => {
    const { auch, resident } = await auchParticipation()
    const { poll } = await publishedPoll(auch, {
      title: 'Vos marchés préférés',
      selection: 'multiple',
      maxChoices: 2,
      options: ['Mercredi', 'Vendredi', 'Samedi'],
    })
    const page = await openSignedIn(visit, resident.token, '/app/participer')
    await page.getByRole('link', { name: 'Vos marchés préférés' }).click()
    await page.getByRole('heading', { name: 'Vos marchés préférés' }).waitFor({ timeout: 30000 })
    await assertFitsPhones(page, assert, 'poll')

    await page.getByRole('button', { name: 'Envoyer ma réponse' }).click()
    await page.locator('#poll-error').waitFor()
    assert.equal(await page.locator('#poll-error').innerText(), 'Choisissez au moins une option')

    // By keyboard: Tab to the first option, Space; the same for the second; the third is then closed.
    await page.getByLabel('Mercredi').focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
    assert.isTrue(await page.getByLabel('Vendredi').isChecked())
    assert.isTrue(await page.getByLabel('Samedi').isDisabled())
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await page.getByText('Merci, votre réponse est enregistrée.').waitFor()
    await page.getByText('1 réponse').waitFor()
    assert.include(
      await page.getByRole('region', { name: 'Résultats' }).innerText(),
      'Mercredi : 1 (100 %)'
    )

    // Changed while open (the poll allows it), read back after a reload.
    await page.getByLabel('Vendredi').uncheck()
    await page.getByLabel('Samedi').check()
    await page.getByRole('button', { name: 'Modifier ma réponse' }).click()
    await page.getByText('Votre réponse est modifiée.').waitFor()
    await page.reload()
    await page.getByRole('button', { name: 'Modifier ma réponse' }).waitFor({ timeout: 30000 })
    assert.isTrue(await page.getByLabel('Samedi').isChecked())
    assert.isFalse(await page.getByLabel('Vendredi').isChecked())

    // The town hall closes the poll while the page is open: the 409 is said beside the options.
    await Poll.query()
      .where('id', poll.id)
      .update({ closesAt: DateTime.now().minus({ minutes: 1 }).toJSDate() })
    await page.getByRole('button', { name: 'Modifier ma réponse' }).click()
    await page.locator('#poll-error').waitFor()
    assert.match(await page.locator('#poll-error').innerText(), /clos/i)
  }).timeout(180_000)

  test('a poll refuses a non-resident (403) with the reason beside the options', async ({
    visit,
    assert,
  }) => {
    const { auch, outsider } = await auchParticipation()
    await publishedPoll(auch, { title: 'Quel nom pour la médiathèque ?' })
    const page = await openSignedIn(visit, outsider.token, '/app/participer')
    await page.getByRole('link', { name: 'Quel nom pour la médiathèque ?' }).click()
    await page.getByLabel('Jean Jaurès').check()
    await page.getByRole('button', { name: 'Envoyer ma réponse' }).click()
    await page.locator('#poll-error').waitFor()
    assert.match(await page.locator('#poll-error').innerText(), /habitant|résid/i)
    assert.equal(await page.locator('fieldset[aria-invalid="true"]').count(), 1)
  }).timeout(120_000)

  test('a consultation: a required question left empty is refused under it, every kind answered, edited until the close, results', async ({
    visit,
    assert,
  }) => {
    const { auch, resident } = await auchParticipation()
    const { consultation } = await publishedConsultation(auch)
    const page = await openSignedIn(
      visit,
      resident.token,
      `/app/consultations/32013/${consultation.id}`
    )
    await page
      .getByRole('heading', { name: 'Aménagement du centre-bourg' })
      .waitFor({ timeout: 30000 })
    await assertFitsPhones(page, assert, 'consultation')

    const questions = page.getByTestId('question')
    await questions.nth(0).getByLabel('Oui').check()
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).click()
    const refusal = questions.nth(1).locator('.error')
    await refusal.waitFor()
    assert.match(await refusal.innerText(), /Réponse obligatoire à la question 2/)

    await questions.nth(1).getByLabel('4', { exact: true }).check()
    await questions.nth(2).getByLabel('Bancs').check()
    await questions.nth(2).getByLabel('Arbres').check()
    assert.isTrue(await questions.nth(2).getByLabel('Vélos').isDisabled(), 'two choices at most')
    await questions.nth(3).getByRole('textbox').fill('Des fontaines à eau.')
    await page.getByRole('button', { name: 'Envoyer mes réponses' }).click()
    await page.getByText('Merci, vos réponses sont enregistrées.').waitFor()
    await page.getByText('1 participation').waitFor()
    assert.deepEqual(await seriousViolations(page), [], 'consultation answered')

    await page.reload()
    await page.getByRole('button', { name: 'Modifier mes réponses' }).waitFor({ timeout: 30000 })
    assert.isTrue(await questions.nth(2).getByLabel('Arbres').isChecked())
    assert.equal(await questions.nth(3).getByRole('textbox').inputValue(), 'Des fontaines à eau.')
    await questions.nth(0).getByLabel('Non').check()
    await page.getByRole('button', { name: 'Modifier mes réponses' }).click()
    await page.getByText('Vos réponses sont modifiées.').waitFor()
    const submission = await ConsultationSubmission.findByOrFail({
      consultationId: consultation.id,
    })
    assert.exists(submission)
  }).timeout(180_000)

  test('a knapsack budget: live meter, projects over what is left closed, too little spent refused (422 naming the rule), submitted then changed', async ({
    visit,
    assert,
  }) => {
    const { auch, resident } = await auchParticipation()
    const { campaign } = await budgetOf(auch)
    const page = await openSignedIn(visit, resident.token, `/app/budgets/32013/${campaign.id}`)
    await page
      .getByRole('heading', { name: 'Budget participatif 2027' })
      .waitFor({ timeout: 30000 })
    await assertFitsPhones(page, assert, 'budget')

    const meter = page.getByTestId('budget-meter')
    // Amounts are written the French way, with narrow no-break spaces.
    const meterText = async () => {
      const text = await meter.innerText()
      return text.replace(/\s/g, ' ')
    }
    await page.getByLabel(/Bancs/).check()
    assert.include(await meterText(), '10 000 € sur 100 000 € · reste 90 000 €')
    await page.getByRole('button', { name: 'Valider mon vote' }).click()
    await page.locator('#budget-error').waitFor()
    assert.match(await page.locator('#budget-error').innerText(), /Règle du vote : .*au moins 50 %/)

    await page.getByLabel(/Jardin partagé/).check()
    assert.include(await meterText(), '70 000 € sur 100 000 €')
    assert.isTrue(await page.getByLabel(/Piste cyclable/).isDisabled(), 'over what is left')
    await page.getByRole('button', { name: 'Valider mon vote' }).click()
    await page.getByText('Votre vote est enregistré : il compte.').waitFor()
    assert.deepEqual(await seriousViolations(page), [], 'budget voted')

    await page.reload()
    await page.getByRole('button', { name: 'Changer mon vote' }).waitFor({ timeout: 30000 })
    await page.getByLabel(/Jardin partagé/).uncheck()
    await page.getByLabel(/Piste cyclable/).check()
    await page.getByRole('button', { name: 'Changer mon vote' }).click()
    await page.getByText('Votre vote est enregistré : il compte.').waitFor()
    const ballot = await BudgetBallot.findByOrFail({ campaignId: campaign.id })
    const chosen = await BudgetProject.query()
      .where('campaignId', campaign.id)
      .whereIn('title', ['Bancs', 'Piste cyclable'])
    assert.sameMembers(
      ballot.projectIds,
      chosen.map((project) => project.id)
    )
    assert.isNotNull(ballot.submittedAt)
  }).timeout(180_000)

  test('an approval budget: too few refused (422), a draft, its maximum kept; the vote closed meanwhile (409)', async ({
    visit,
    assert,
  }) => {
    const { auch, resident } = await auchParticipation()
    const { campaign } = await budgetOf(auch, {
      ballotRule: 'approval',
      minProjects: 2,
      maxProjects: 2,
      minSpendPercent: null,
    })
    const page = await openSignedIn(visit, resident.token, `/app/budgets/32013/${campaign.id}`)
    await page
      .getByRole('heading', { name: 'Budget participatif 2027' })
      .waitFor({ timeout: 30000 })
    await page.getByText('Choisissez de 2 à 2 projets').waitFor()
    await page.getByLabel(/Bancs/).check()
    await page.getByRole('button', { name: 'Valider mon vote' }).click()
    await page.locator('#budget-error').waitFor()
    assert.match(await page.locator('#budget-error').innerText(), /au moins 2 projets/)
    await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click()
    await page.getByText(/Brouillon enregistré/).waitFor()
    await page.getByLabel(/Jardin partagé/).check()
    assert.isTrue(await page.getByLabel(/Piste cyclable/).isDisabled())

    // The vote closes while the page is open: the 409 is said beside the projects.
    await BudgetCampaign.query()
      .where('id', campaign.id)
      .update({ voteClosesAt: DateTime.now().minus({ minutes: 1 }).toJSDate() })
    await page.getByRole('button', { name: 'Valider mon vote' }).click()
    await page.locator('#budget-error').waitFor()
    assert.match(await page.locator('#budget-error').innerText(), /clos/i)
  }).timeout(180_000)
})
