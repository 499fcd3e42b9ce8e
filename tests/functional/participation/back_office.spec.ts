import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { parse } from 'csv-parse/sync'
import { territory } from '#tests/functional/tenancy/fixtures'
import { citizenWithToken } from '#tests/helpers/citizens'
import Poll from '#participation/models/poll'
import PollOption from '#participation/models/poll_option'
import Consultation from '#participation/models/consultation'
import PublishParticipation from '#participation/actions/publish_participation'
import SetFeatures from '#kernel/modules/actions/set_features'
import { enable, publishedPoll } from './fixtures.js'

const pollForm = {
  title: 'Quel marché le dimanche ?',
  description: '',
  selection: 'multiple',
  maxChoices: 2,
  allowChange: true,
  options: ['Place de la mairie', 'Halle', 'Bord du Gers'],
  opensAt: '2030-06-01T09:00',
  closesAt: '2030-06-15T18:00',
  audience: 'residents',
  resultsVisibility: 'after_close',
}

test.group('Participation back-office', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())

  test('an editor creates a poll with its dates read in Paris time, edits it, and publishes it only once the feature is on', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    // The back-office pages of a switched-off feature are closed (ADR 0024); the action still
    // refuses to publish where the feature is off (a command or a job calls it too).
    await enable([t.communeA], ['polls'])
    const created = await client
      .post('/participation/polls')
      .withCsrfToken()
      .redirects(0)
      .json(pollForm)
      .loginAs(t.editorA)
    created.assertStatus(302)
    const poll = await Poll.findByOrFail({ collectivityId: t.communeA.id })
    assert.equal(created.header('location'), `/participation/polls?edit=${poll.id}`)
    assert.equal(poll.opensAt.toUTC().toISO(), '2030-06-01T07:00:00.000Z')
    assert.equal(poll.maxChoices, 2)

    const page = await client
      .get(`/participation/polls?edit=${poll.id}`)
      .withInertia()
      .loginAs(t.editorA)
    page.assertStatus(200)
    assert.equal(page.body().component, 'participation/polls/index')
    assert.deepEqual(page.body().props.editing.values.options, pollForm.options)
    assert.equal(page.body().props.editing.values.opensAt, '2030-06-01T09:00')
    // A new poll starts with the authority's setting of the feature (after the close by default).
    assert.equal(page.body().props.defaultVisibility, 'after_close')

    await t.communeA.refresh()
    await new SetFeatures().handle(t.communeA, { disable: ['polls'] })
    const refused = await client
      .post(`/participation/polls/${poll.id}/publish`)
      .withCsrfToken()
      .redirects(0)
      .loginAs(t.editorA)
    refused.assertStatus(302)
    await poll.refresh()
    assert.equal(poll.status, 'draft')
    await assert.rejects(
      () => new PublishParticipation().handle('poll', t.communeA.id, poll.id),
      /n’est pas activé pour Commune A/
    )
    const flashed = await client
      .post(`/participation/polls/${poll.id}/publish`)
      .header('accept', 'application/json')
      .withCsrfToken()
      .loginAs(t.editorA)
    flashed.assertStatus(409)
    assert.include(flashed.body().errors[0].message, 'n’est pas activé pour Commune A')

    await enable([t.communeA], ['polls'])
    await client.post(`/participation/polls/${poll.id}/publish`).withCsrfToken().loginAs(t.editorA)
    await poll.refresh()
    assert.equal(poll.status, 'published')
  })

  test('French validation: too few options, a close before the opening; frozen options once answered', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const fewer = await client
      .post('/participation/polls')
      .header('accept', 'application/json')
      .withCsrfToken()
      .json({ ...pollForm, options: ['Seule'] })
      .loginAs(t.editorA)
    fewer.assertStatus(422)
    assert.deepEqual(fewer.body().errors[0], {
      code: 'E_POLL_OPTIONS',
      message: 'Un sondage propose de 2 à 20 options',
      field: 'options',
    })
    const backwards = await client
      .post('/participation/polls')
      .header('accept', 'application/json')
      .withCsrfToken()
      .json({ ...pollForm, closesAt: '2030-05-01T09:00' })
      .loginAs(t.editorA)
    backwards.assertStatus(422)
    assert.equal(backwards.body().errors[0].field, 'closesAt')
    const missing = await client
      .post('/participation/polls')
      .header('accept', 'application/json')
      .withCsrfToken()
      .json({ ...pollForm, title: '' })
      .loginAs(t.editorA)
    missing.assertStatus(422)
    assert.equal(missing.body().errors[0].message, 'Le champ titre est obligatoire')
    // A refused form goes back with the input kept (flashed) and the errors on their fields.
    const back = await client
      .post('/participation/polls')
      .withCsrfToken()
      .redirects(0)
      .header('referer', '/participation/polls?edit=new')
      .json({ ...pollForm, title: '' })
      .loginAs(t.editorA)
    back.assertStatus(302)
    back.assertFlashMessage('inputErrorsBag', { title: ['Le champ titre est obligatoire'] })
    assert.equal(back.flashMessages().selection, 'multiple')

    await enable([t.communeA])
    const { poll, optionIds } = await publishedPoll(t.communeA)
    const { token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
    await client
      .post(`/api/v1/polls/${poll.id}/answers`)
      .bearerToken(token)
      .json({ option_ids: [optionIds[0]] })
    const values = {
      ...pollForm,
      selection: 'single',
      maxChoices: null,
      options: ['Olympe de Gouges', 'Jean Jaurès'],
    }
    const frozen = await client
      .put(`/participation/polls/${poll.id}`)
      .header('accept', 'application/json')
      .withCsrfToken()
      .json(values)
      .loginAs(t.editorA)
    frozen.assertStatus(409)
    assert.equal(frozen.body().errors[0].code, 'E_POLL_ANSWERED')
    const relabelled = await client
      .put(`/participation/polls/${poll.id}`)
      .withCsrfToken()
      .redirects(0)
      .json({
        ...values,
        options: ['Olympe de Gouges (1748-1793)', 'Jean Jaurès', 'Gisèle Halimi'],
      })
      .loginAs(t.editorA)
    relabelled.assertStatus(302)
    const options = await PollOption.query().where('pollId', poll.id).orderBy('position')
    assert.deepEqual(
      options.map((option) => option.id),
      optionIds
    )
    assert.equal(options[0].label, 'Olympe de Gouges (1748-1793)')
    const withdraw = await client
      .post(`/participation/polls/${poll.id}/withdraw`)
      .header('accept', 'application/json')
      .withCsrfToken()
      .loginAs(t.editorA)
    withdraw.assertStatus(409)
  })

  test('results page and dashboard props, and the CSV export for French spreadsheets', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const { poll, optionIds } = await publishedPoll(t.communeA, {
      title: 'Été : « ouverture » ; horaires',
    })
    for (const index of [0, 1, 1]) {
      const { token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
      await client
        .post(`/api/v1/polls/${poll.id}/answers`)
        .bearerToken(token)
        .json({ option_ids: [optionIds[index]] })
    }
    const page = await client
      .get(`/participation/polls/${poll.id}/results`)
      .withInertia()
      .loginAs(t.editorA)
    page.assertStatus(200)
    const props = page.body().props
    assert.equal(props.tally.totalAnswers, 3)
    assert.deepEqual(
      props.tally.options.map((option: any) => option.percentage),
      [33.3, 66.7, 0]
    )
    assert.equal(props.figures.total, 3)
    assert.deepEqual(props.figures.perCommune, [
      { code: t.communeA.code, name: 'Commune A', count: 3 },
    ])
    assert.lengthOf(props.figures.perDay, 1)

    const dashboard = await client.get('/').withInertia().loginAs(t.editorA)
    const section = dashboard
      .body()
      .props.sections.find((entry: any) => entry.module === 'participation')
    assert.deepEqual(section.figures, [
      { label: 'Sondages ouverts', value: 1 },
      { label: 'Consultations ouvertes', value: 0 },
      { label: 'Réponses reçues', value: 3 },
    ])

    const csv = await client.get(`/participation/polls/${poll.id}/export`).loginAs(t.editorA)
    csv.assertStatus(200)
    assert.equal(csv.header('content-type'), 'text/csv; charset=utf-8')
    assert.include(
      csv.header('content-disposition'),
      `sondage-${poll.id}-ete-ouverture-horaires.csv`
    )
    assert.isTrue(csv.text().startsWith('\uFEFF'))
    const rows = parse(csv.text().slice(1), { delimiter: ';' }) as string[][]
    assert.deepEqual(rows[0].slice(3), [
      'Commune',
      'Code INSEE',
      'Olympe de Gouges',
      'Jean Jaurès',
      'Gisèle Halimi',
    ])
    assert.deepEqual(
      rows.slice(1).map((row) => row.slice(5).join('')),
      ['100', '010', '010']
    )
  })

  test('a consultation is created with its questionnaire; a wrong question comes back on its field', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const form = {
      ...pollForm,
      title: 'Avenir de la gare',
      questions: [
        { kind: 'single', label: 'Faut-il la rouvrir ?', required: true, choices: ['Oui', 'Non'] },
        { kind: 'scale', label: 'Importance', required: false, scaleMax: 10 },
        { kind: 'text', label: 'Remarques', required: false },
      ],
    }
    const wrong = await client
      .post('/participation/consultations')
      .header('accept', 'application/json')
      .withCsrfToken()
      .json({
        ...form,
        questions: [{ kind: 'multiple', label: 'Lesquels ?', required: true, choices: ['Un'] }],
      })
      .loginAs(t.editorA)
    wrong.assertStatus(422)
    assert.equal(wrong.body().errors[0].field, 'questions.0.choices')
    const created = await client
      .post('/participation/consultations')
      .withCsrfToken()
      .redirects(0)
      .json(form)
      .loginAs(t.editorA)
    created.assertStatus(302)
    const consultation = await Consultation.findByOrFail({ collectivityId: t.communeA.id })
    const page = await client
      .get(`/participation/consultations?edit=${consultation.id}`)
      .withInertia()
      .loginAs(t.editorA)
    assert.deepEqual(
      page
        .body()
        .props.editing.values.questions.map((question: any) => [question.kind, question.choices]),
      [
        ['single', ['Oui', 'Non']],
        ['scale', []],
        ['text', []],
      ]
    )
    const results = await client
      .get(`/participation/consultations/${consultation.id}/results`)
      .withInertia()
      .loginAs(t.editorA)
    results.assertStatus(200)
    assert.equal(results.body().props.results.totalSubmissions, 0)
    assert.deepEqual(results.body().props.texts.data, [])
  })
})
