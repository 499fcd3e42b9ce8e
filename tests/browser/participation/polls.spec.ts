import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import testUtils from '@adonisjs/core/services/test_utils'
import Poll from '#participation/models/poll'
import PollOption from '#participation/models/poll_option'
import { citizenWithToken } from '#tests/helpers/citizens'
import { makeAgent, makeCollectivity, PASSWORD } from '../../functional/tenancy/fixtures.js'
import { enable } from '../../functional/participation/fixtures.js'

/**
 * A poll made in the back-office in Chromium, answered by citizens through the API, and its
 * results page read back. Tables are truncated so that the server sees the rows.
 */
test.group('Participation back-office in a browser', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('an editor meets French validation, creates and publishes a poll, citizens answer, the results page shows counts and charts', async ({
    visit,
    client,
    assert,
  }) => {
    const commune = await makeCollectivity('commune', 'Lectoure navigateur')
    await enable([commune], ['polls'])
    await makeAgent('sondages@example.test', [[commune, 'editor']])

    const page = await visit('/login')
    await page.getByLabel('Adresse e-mail').fill('sondages@example.test')
    await page.getByLabel('Mot de passe').fill(PASSWORD)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.getByRole('heading', { name: /Tableau de bord/ }).waitFor({ timeout: 30000 })

    await page.getByRole('link', { name: 'Participation' }).click()
    await page.getByRole('heading', { name: 'Sondages', exact: true }).waitFor({ timeout: 30000 })
    await page.getByRole('link', { name: 'Nouveau sondage' }).click()
    await page.getByRole('heading', { name: 'Nouveau sondage' }).waitFor()

    // A close before the opening comes back in French, the input kept.
    await page.getByLabel('Titre').fill('Horaires de la piscine cet été')
    await page.getByLabel('Option 1').fill('Matin')
    await page.getByLabel('Option 2').fill('Soir')
    await page.getByRole('button', { name: 'Ajouter une option' }).click()
    await page.getByLabel('Option 3').fill('Midi')
    const opensAt = DateTime.now().setZone('Europe/Paris').minus({ hours: 1 })
    await page.getByLabel('Ouverture (heure de Paris)').fill(opensAt.toFormat("yyyy-LL-dd'T'HH:mm"))
    await page
      .getByLabel('Clôture (heure de Paris)')
      .fill(opensAt.minus({ days: 1 }).toFormat("yyyy-LL-dd'T'HH:mm"))
    await page.getByLabel('Résultats publics').selectOption('live')
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    const error = page.locator('#poll-closesAt-error')
    await error.waitFor()
    assert.match(await error.innerText(), /La clôture doit être postérieure à l’ouverture/)
    assert.equal(await page.getByLabel('Option 3').inputValue(), 'Midi')

    await page
      .getByLabel('Clôture (heure de Paris)')
      .fill(opensAt.plus({ days: 7 }).toFormat("yyyy-LL-dd'T'HH:mm"))
    await page.getByRole('button', { name: 'Enregistrer' }).click()
    await page.getByRole('heading', { name: /Modifier le sondage/ }).waitFor()
    await page.getByRole('button', { name: 'Publier' }).click()
    await page.getByText(/Sondage publié/).waitFor()

    const poll = await Poll.findByOrFail({ collectivityId: commune.id })
    assert.equal(poll.status, 'published')
    const options = await PollOption.query().where('pollId', poll.id).orderBy('position')
    assert.deepEqual(
      options.map((option) => option.label),
      ['Matin', 'Soir', 'Midi']
    )
    for (const index of [0, 1, 1]) {
      const { token } = await citizenWithToken({ homeCommuneId: commune.id })
      const answer = await client
        .post(`/api/v1/polls/${poll.id}/answers`)
        .bearerToken(token)
        .json({ option_ids: [options[index].id] })
      answer.assertStatus(201)
    }

    await page.getByRole('link', { name: 'Résultats et tableau de bord' }).click()
    await page.getByRole('heading', { name: 'Horaires de la piscine cet été' }).waitFor()
    assert.equal(await page.getByTestId('total-answers').innerText(), '3')
    const rows = await page.getByTestId('tally-row').allInnerTexts()
    assert.deepEqual(
      rows.map((row) => row.replace(/\s+/g, ' ').trim()),
      ['Matin 1 33,3 %', 'Soir 2 66,7 %', 'Midi 0 0 %']
    )
    assert.equal(await page.getByTestId('participants').innerText(), '3')
    // Chart.js drew its canvases (one for the options, two for the dashboard).
    assert.equal(await page.locator('[data-testid="chart"] canvas').count(), 3)
    assert.include(
      await page.getByRole('table', { name: 'Participants par commune' }).innerText(),
      'Lectoure navigateur'
    )
  })
})
