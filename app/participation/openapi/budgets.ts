import type { OpenApiFragment } from '#kernel/http/openapi/types'
import {
  citizenSecurity,
  data,
  errors,
  json,
  pageParameters,
  paginated,
  ref,
} from '#kernel/http/openapi/common'
import {
  authority,
  citizenWrite,
  codeParameter,
  dateTime,
  pathId,
  stateParameter,
  tags,
  text,
} from '#participation/openapi/shared'
import { vineBody } from '#kernel/http/openapi/vine_schema'
import {
  ballotValidator,
  proposalValidator,
  submitBallotValidator,
} from '#participation/validators/budgets'

const nullableInteger = { type: ['integer', 'null'] }
const nullableNumber = { type: ['number', 'null'] }
const object = (properties: Record<string, unknown>, optional: string[] = []) => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties).filter((key) => !optional.includes(key)),
  properties,
})

const campaignProperties = {
  id: { type: 'integer' },
  title: { type: 'string' },
  description: text,
  phase: { type: 'string', enum: ['upcoming', 'proposals', 'review', 'vote', 'results'] },
  total_amount: { type: 'integer', description: 'Montant total, en euros.' },
  ballot_rule: {
    type: 'string',
    enum: ['approval', 'knapsack'],
    description:
      '`approval` : de `min_projects` à `max_projects` projets ; `knapsack` : un panier qui tient dans le budget (au moins `min_spend_percent` % de celui-ci).',
  },
  min_projects: nullableInteger,
  max_projects: nullableInteger,
  min_spend_percent: nullableInteger,
  rule_text: { type: 'string', description: 'La règle du vote, en français.' },
  allocation_rule: { type: 'string', enum: ['greedy', 'equal_shares'] },
  minimum_age: {
    ...nullableInteger,
    description: 'Âge minimal déclaré pour voter, s’il y en a un.',
  },
  themes: { type: 'array', items: { type: 'string' } },
  proposals_opens_at: dateTime,
  proposals_closes_at: dateTime,
  vote_opens_at: dateTime,
  vote_closes_at: dateTime,
  results_available: { type: 'boolean' },
  ballots_digest: {
    type: ['string', 'null'],
    description:
      'SHA-256 des bulletins anonymisés triés, enregistré à la clôture (recalculable depuis l’export Pabulib).',
  },
  origin: { type: 'string', enum: ['departement', 'epci', 'commune'] },
  authority,
}

const project = object({
  id: { type: 'integer' },
  title: { type: 'string' },
  description: text,
  theme: text,
  place: text,
  district_id: nullableInteger,
  cost: { type: 'integer', description: 'Coût retenu à l’instruction, sinon estimé, en euros.' },
  status: { type: 'string', enum: ['submitted', 'feasible', 'unfeasible', 'merged', 'hidden'] },
  review_reason: text,
  photos: {
    type: 'array',
    description: 'Photos du projet, une fois traitées (variantes publiques seulement).',
    items: object({
      id: { type: 'integer' },
      variants: {
        type: 'array',
        items: object({
          name: { type: 'string' },
          url: { type: 'string', format: 'uri' },
          mime: { type: 'string' },
          width: { type: 'integer' },
          height: { type: 'integer' },
        }),
      },
    }),
  },
})

const outcome = object({
  id: { type: 'string', description: 'Identifiant public (source Pabulib ou identifiant propre).' },
  project_id: { type: 'integer' },
  title: { type: 'string' },
  votes: { type: 'integer' },
  cost: { type: 'integer' },
  funded: { type: 'boolean' },
  reason: {
    type: 'string',
    enum: ['funded', 'does_not_fit', 'no_votes', 'supporters_short', 'no_cost'],
  },
  round: nullableInteger,
  effective_votes: {
    ...nullableNumber,
    description: 'Parts égales : nombre de votes effectifs (coût / paiement maximal).',
  },
  supporters_money: {
    ...nullableNumber,
    description: 'Parts égales : argent de ses soutiens (au financement, sinon à la fin).',
  },
  greedy_funded: { type: 'boolean', description: 'Ce que ferait la règle gloutonne.' },
})

const districtResults = object({
  district_id: nullableInteger,
  district_name: text,
  rule: { type: 'string', enum: ['greedy', 'equal_shares'] },
  budget: { type: 'integer' },
  spent: { type: 'integer' },
  ballots: { type: 'integer' },
  ballots_digest: { type: 'string' },
  winners: { type: 'array', items: { type: 'string' } },
  greedy_winners: { type: 'array', items: { type: 'string' } },
  equal_shares: {
    oneOf: [
      { type: 'null' },
      object({
        share: { type: 'integer' },
        steps: { type: 'integer' },
        stop: {
          type: 'string',
          enum: ['exhaustive', 'next_share_overspends', 'every_supported_project_funded'],
        },
      }),
    ],
  },
  projects: { type: 'array', items: outcome },
})

const ballot = object({
  id: { type: 'integer' },
  campaign_id: { type: 'integer' },
  district_id: nullableInteger,
  project_ids: { type: 'array', items: { type: 'integer' } },
  declared_age: nullableInteger,
  status: { type: 'string', enum: ['draft', 'submitted'] },
  submitted_at: { type: ['string', 'null'], format: 'date-time' },
  updated_at: dateTime,
})

const id = pathId('id', 'Identifiant du budget participatif.')

const fragment: OpenApiFragment = {
  paths: {
    '/api/v1/collectivities/{code}/budgets': {
      get: {
        tags,
        operationId: 'listBudgets',
        summary: 'Budgets participatifs (commune + EPCI + département)',
        parameters: [codeParameter, stateParameter, ...pageParameters],
        responses: {
          200: json(paginated(ref('BudgetCampaign')), 'Budgets, le vote le plus récent d’abord'),
          ...errors(400, 404, 422),
        },
      },
    },
    '/api/v1/collectivities/{code}/budgets/{id}': {
      get: {
        tags,
        operationId: 'showBudget',
        summary: 'Un budget participatif, ses quartiers et ses projets',
        parameters: [codeParameter, id],
        responses: {
          200: json(data(ref('BudgetCampaignDetail')), 'Budget participatif'),
          ...errors(404, 422),
        },
      },
    },
    '/api/v1/collectivities/{code}/budgets/{id}/results': {
      get: {
        tags,
        operationId: 'showBudgetResults',
        summary: 'Résultats publiés à la clôture, expliqués projet par projet',
        parameters: [codeParameter, id],
        responses: { 200: json(data(ref('BudgetResults')), 'Résultats'), ...errors(404, 422) },
      },
    },
    '/api/v1/budgets/{id}/proposals': {
      post: {
        tags,
        operationId: 'proposeBudgetProject',
        summary: 'Proposer un projet (phase des propositions, habitants)',
        security: citizenSecurity,
        parameters: [id],
        requestBody: vineBody(proposalValidator, {
          photo_ids: { description: 'Photos envoyées par le citoyen (POST /api/v1/media).' },
        }),
        responses: citizenWrite(
          json(data(ref('BudgetProject')), 'Projet proposé, en attente d’instruction'),
          201
        ),
      },
    },
    '/api/v1/budgets/{id}/ballot': {
      get: {
        tags,
        operationId: 'showMyBudgetBallot',
        summary: 'Mon bulletin pour ce budget',
        security: citizenSecurity,
        parameters: [id],
        responses: { 200: json(data(ref('BudgetBallot')), 'Bulletin'), ...errors(401, 404, 422) },
      },
      put: {
        tags,
        operationId: 'saveMyBudgetBallot',
        summary: 'Enregistrer (brouillon) ou modifier mon bulletin, jusqu’à la clôture du vote',
        security: citizenSecurity,
        parameters: [id],
        requestBody: vineBody(ballotValidator, {
          declared_age: { description: 'Âge déclaré, seulement pour la condition d’âge.' },
          submit: { description: 'Déposer le bulletin (il compte alors).' },
        }),
        responses: citizenWrite(json(data(ref('BudgetBallot')), 'Bulletin enregistré'), 200),
      },
    },
    '/api/v1/budgets/{id}/ballot/submit': {
      post: {
        tags,
        operationId: 'submitMyBudgetBallot',
        summary: 'Déposer mon bulletin (il compte, modifiable jusqu’à la clôture)',
        security: citizenSecurity,
        parameters: [id],
        // No body at all submits the draft as it stands.
        requestBody: { ...vineBody(submitBallotValidator), required: false },
        responses: citizenWrite(json(data(ref('BudgetBallot')), 'Bulletin déposé'), 200),
      },
    },
    '/api/v1/budget-ballots/{ballotId}': {
      get: {
        tags,
        operationId: 'showBudgetBallot',
        summary: 'Un de mes bulletins par son identifiant',
        security: citizenSecurity,
        parameters: [pathId('ballotId')],
        responses: { 200: json(data(ref('BudgetBallot')), 'Bulletin'), ...errors(401, 404, 422) },
      },
    },
  },
  components: {
    schemas: {
      BudgetCampaign: object(campaignProperties),
      BudgetCampaignDetail: object({
        ...campaignProperties,
        districts: {
          type: 'array',
          items: object({
            id: { type: 'integer' },
            name: { type: 'string' },
            budget: { type: 'integer' },
          }),
        },
        projects: { type: 'array', items: ref('BudgetProject') },
      }),
      BudgetProject: project,
      BudgetBallot: ballot,
      BudgetResults: object({
        rule: { type: 'string', enum: ['greedy', 'equal_shares'] },
        ballots: { type: 'integer' },
        ballots_digest: { type: 'string' },
        winners: { type: 'array', items: { type: 'string' } },
        spent: { type: 'integer' },
        budget: { type: 'integer' },
        closed_at: dateTime,
        districts: { type: 'array', items: districtResults },
      }),
    },
  },
}

export default fragment
