import { DateTime } from 'luxon'
import type { ApiClient, ApiResponse } from '@japa/api-client'
import { assertMatchesOpenApi } from '#tests/helpers/openapi'
import type Collectivity from '#kernel/territories/models/collectivity'
import SavePoll, { type PollInput } from '#participation/actions/save_poll'
import SaveConsultation, { type ConsultationInput } from '#participation/actions/save_consultation'
import PublishParticipation from '#participation/actions/publish_participation'
import PollOption from '#participation/models/poll_option'
import ConsultationQuestion from '#participation/models/consultation_question'
import BudgetCampaign from '#participation/models/budget_campaign'
import BudgetProject from '#participation/models/budget_project'

/** Switches features on for authorities (the participation routes answer only then). */
export async function enable(
  collectivities: Collectivity[],
  features = ['polls', 'consultations']
) {
  for (const collectivity of collectivities) {
    const modules = { ...collectivity.modules }
    for (const key of features) modules[key] = { enabled: true, settings: {} }
    collectivity.modules = modules
    await collectivity.save()
  }
}

/** A published poll of `owner`, open now unless told otherwise. */
export async function publishedPoll(owner: Collectivity, overrides: Partial<PollInput> = {}) {
  const now = DateTime.now()
  const poll = await new SavePoll().handle(owner.id, {
    title: 'Quel nom pour la médiathèque ?',
    description: 'Trois propositions du conseil municipal.',
    selection: 'single',
    allowChange: true,
    options: ['Olympe de Gouges', 'Jean Jaurès', 'Gisèle Halimi'],
    opensAt: now.minus({ days: 1 }),
    closesAt: now.plus({ days: 7 }),
    audience: 'residents',
    resultsVisibility: 'live',
    ...overrides,
  })
  // Published before it opened, so that a poll of the past can be set up as well.
  await new PublishParticipation().handle(
    'poll',
    owner.id,
    poll.id,
    poll.opensAt.minus({ hours: 1 })
  )
  const options = await PollOption.query().where('pollId', poll.id).orderBy('position')
  return { poll, optionIds: options.map((option) => option.id) }
}

/** A published consultation of `owner`: one question of each kind (the first two required). */
export async function publishedConsultation(
  owner: Collectivity,
  overrides: Partial<ConsultationInput> = {}
) {
  const now = DateTime.now()
  const consultation = await new SaveConsultation().handle(owner.id, {
    title: 'Aménagement du centre-bourg',
    description: null,
    questions: [
      {
        kind: 'single',
        label: 'Faut-il piétonniser la place ?',
        required: true,
        choices: ['Oui', 'Non'],
      },
      { kind: 'scale', label: 'Votre satisfaction actuelle', required: true, scaleMax: 5 },
      {
        kind: 'multiple',
        label: 'Vos priorités',
        required: false,
        choices: ['Bancs', 'Arbres', 'Vélos', 'Éclairage'],
        maxChoices: 2,
      },
      { kind: 'text', label: 'Une idée ?', required: false },
    ],
    opensAt: now.minus({ days: 1 }),
    closesAt: now.plus({ days: 7 }),
    audience: 'residents',
    resultsVisibility: 'live',
    ...overrides,
  })
  await new PublishParticipation().handle(
    'consultation',
    owner.id,
    consultation.id,
    consultation.opensAt.minus({ hours: 1 })
  )
  const questions = await ConsultationQuestion.query()
    .where('consultationId', consultation.id)
    .orderBy('position')
  return { consultation, questions }
}

/**
 * A published approval campaign of `owner` (1 to 2 projects out of 100 000 €) whose vote is open
 * now, with three feasible projects costing 60 000, 50 000 and 10 000 €.
 */
export async function campaignOf(owner: Collectivity, overrides: Partial<BudgetCampaign> = {}) {
  const now = DateTime.now()
  const campaign = await BudgetCampaign.create({
    collectivityId: owner.id,
    title: 'Budget participatif 2027',
    description: 'Vos projets pour le territoire',
    status: 'published',
    totalAmount: 100_000,
    ballotRule: 'approval',
    minProjects: 1,
    maxProjects: 2,
    minSpendPercent: null,
    allocationRule: 'greedy',
    minimumAge: null,
    themes: ['nature', 'mobilité'],
    proposalsOpensAt: now.minus({ days: 30 }),
    proposalsClosesAt: now.minus({ days: 10 }),
    voteOpensAt: now.minus({ days: 1 }),
    voteClosesAt: now.plus({ days: 7 }),
    source: 'own',
    sourceMeta: null,
    ...overrides,
  })
  const projects = []
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
        estimatedCost: cost,
        finalCost: cost,
        status: 'feasible',
      })
    )
  }
  return { campaign, projects }
}

/**
 * A citizen's write to the API, held to the OpenAPI document; a 5xx fails the test at once with
 * its body (the generated tests' « never a 500 »).
 */
export async function send(
  client: ApiClient,
  path: string,
  token: string,
  body?: object,
  method: 'put' | 'post' = body ? 'put' : 'post'
): Promise<ApiResponse> {
  const request = client[method](path).bearerToken(token)
  if (body) request.json(body)
  const response: ApiResponse = await request
  if (response.status() >= 500) throw new Error(`${path}: ${JSON.stringify(response.body())}`)
  await assertMatchesOpenApi(response)
  return response
}
