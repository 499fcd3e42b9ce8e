import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Consultation from '#participation/models/consultation'
import ConsultationQuestion from '#participation/models/consultation_question'
import SubmitConsultation from '#participation/actions/submit_consultation'
import { createCitizen } from '#tests/helpers/citizens'
import { signIn } from '#tests/helpers/browser'
import { makeAgent, makeCollectivity } from '../../functional/tenancy/fixtures.js'
import { enable } from '../../functional/participation/fixtures.js'
import { assertNoSeriousViolation, parisLocal } from './participation_helpers.js'

/**
 * A consultation made in the back-office in Chromium: a questionnaire of two questions (single
 * choice, free text) created and published, 22 residents answer, the results page shows the
 * distribution, pages through the free-text answers and links the CSV export; axe-core on
 * each page. Tables are truncated so that the server sees the rows.
 */
test.group('Participation back-office in a browser: consultations', (group) => {
  group.each.setup(() => testUtils.db().truncate())
  group.each.timeout(300_000)

  test('create a questionnaire, publish it, read the distribution, browse free-text answers, export CSV', async ({
    visit,
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Fleurance navigateur')
    await enable([commune], ['consultations'])
    await makeAgent('consultations@example.test', [[commune, 'editor']])
    const page = await signIn(visit, 'consultations@example.test')

    const errors: string[] = []
    page.on('pageerror', (error: Error) => errors.push(error.message))
    await page.goto('/participation/consultations?edit=new')
    await page.getByRole('heading', { name: 'Consultations', exact: true }).waitFor()
    await page.getByLabel('Titre').fill('Avenir de la halle')
    await page.getByLabel('Ouverture (heure de Paris)').fill(parisLocal(-1, DateTime))
    await page.getByLabel('Clôture (heure de Paris)').fill(parisLocal(7, DateTime))
    await page.getByLabel('Résultats publics').selectOption('live')
    await page.locator('#q-0-label').fill('Faut-il couvrir la halle ?')
    await page.locator('#q-0-choices').fill('Oui\nNon')
    await page.getByRole('button', { name: 'Ajouter une question' }).click()
    await page.locator('#q-1-label').fill('Vos idées pour la halle')
    await page.locator('#q-1-kind').selectOption({ label: 'Texte libre' })
    await assertNoSeriousViolation(page, assert, 'consultation form with two questions')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await page.getByRole('heading', { name: /Modifier la consultation/ }).waitFor()
    await page.getByRole('button', { name: 'Publier' }).click()
    await page.getByText(/Consultation publiée/).waitFor()

    const consultation = await Consultation.findByOrFail({ collectivityId: commune.id })
    const questions = await ConsultationQuestion.query()
      .where('consultationId', consultation.id)
      .orderBy('position')
    assert.deepEqual(
      questions.map((question) => [question.kind, question.label]),
      [
        ['single', 'Faut-il couvrir la halle ?'],
        ['text', 'Vos idées pour la halle'],
      ]
    )
    const [yes, no] = questions[0].choices
    for (let index = 1; index <= 22; index++) {
      const citizen = await createCitizen({ homeCommuneId: commune.id })
      await new SubmitConsultation().handle(citizen, consultation.id, [
        { question_id: questions[0].id, choice_ids: [index % 3 === 0 ? no.id : yes.id] },
        { question_id: questions[1].id, text: `Idée numéro ${index}` },
      ])
    }

    await page.getByRole('link', { name: 'Résultats et tableau de bord' }).click()
    await page.getByRole('heading', { name: 'Avenir de la halle', level: 1 }).waitFor()
    await page.locator('canvas').first().waitFor()
    const distribution = await page
      .locator('section', { has: page.getByRole('heading', { name: /Faut-il couvrir/ }) })
      .innerText()
    assert.match(distribution, /Oui\s+15/)
    assert.match(distribution, /Non\s+7/)
    const texts = page.locator('ul.texts li')
    assert.equal(await texts.count(), 20)
    assert.equal(await texts.first().innerText(), 'Idée numéro 1')
    await assertNoSeriousViolation(page, assert, 'consultation results')
    await page.getByRole('link', { name: 'Réponses suivantes' }).click()
    await page.getByText('Idée numéro 21').waitFor()
    assert.deepEqual(await texts.allInnerTexts(), ['Idée numéro 21', 'Idée numéro 22'])

    const exportLink = page.getByRole('link', { name: /Exporter en CSV/ })
    const href = await exportLink.getAttribute('href')
    assert.equal(href, `/participation/consultations/${consultation.id}/export`)
    const csv = await page.request.get(href!)
    assert.equal(csv.status(), 200)
    const body = await csv.text()
    assert.isTrue(body.startsWith('\uFEFF'))
    assert.lengthOf(body.trim().split('\n'), 23)
    assert.deepEqual(errors, [], 'no script error on any page')
  })
})
