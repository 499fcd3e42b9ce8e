/*
| Generated ballots and answers (fast-check). Budgets: an approval or knapsack rule, a budget,
| feasible and unfeasible projects, maybe two districts; each citizen saves, changes and
| submits random ballots (known, foreign, made-up or malformed ids). Polls: 2 to 6 options,
| single or multiple choice, changeable or not. Every answer is a 2xx or a 4xx with a stable
| code held to the OpenAPI document, never a 500; a ballot is accepted exactly when it breaks
| no rule, a refusal names one of the rules it breaks, and what is stored is what was last
| accepted and follows the rule.
*/
import { test } from '@japa/runner'
import fc from 'fast-check'
import testUtils from '@adonisjs/core/services/test_utils'
import { territory } from '#tests/functional/tenancy/fixtures'
import { citizenWithToken } from '#tests/helpers/citizens'
import { resetRateLimits } from '#tests/helpers/rate_limits'
import { campaignOf, enable, publishedPoll, send } from './fixtures.js'
import db from '@adonisjs/lucid/services/db'
import BudgetBallot from '#participation/models/budget_ballot'
import BudgetDistrict from '#participation/models/budget_district'
import BudgetProject from '#participation/models/budget_project'
import type Collectivity from '#kernel/territories/models/collectivity'

const RUNS = Number(process.env.PARTICIPATION_PROPERTY_RUNS ?? 25)

interface GeneratedCampaign {
  rule:
    | { ballotRule: 'approval'; minProjects: number; maxProjects: number | null }
    | { ballotRule: 'knapsack'; minSpendPercent: number | null }
  totalAmount: number
  /** A second district (the citizen's commune votes in the first), with its budget. */
  districts: { ownBudget: number } | null
  projects: Array<{ cost: number; feasible: boolean; inOwnDistrict: boolean }>
}

const campaigns: fc.Arbitrary<GeneratedCampaign> = fc.record({
  rule: fc.oneof(
    fc
      .tuple(fc.integer({ min: 0, max: 3 }), fc.option(fc.integer({ min: 0, max: 4 })))
      .map(([min, extra]) => ({
        ballotRule: 'approval' as const,
        minProjects: min,
        maxProjects: extra === null ? null : Math.max(1, min + extra),
      })),
    fc.option(fc.integer({ min: 0, max: 100 })).map((percent) => ({
      ballotRule: 'knapsack' as const,
      minSpendPercent: percent,
    }))
  ),
  totalAmount: fc.integer({ min: 1_000, max: 200_000 }),
  districts: fc.option(fc.record({ ownBudget: fc.integer({ min: 1_000, max: 200_000 }) })),
  projects: fc.array(
    fc.record({
      cost: fc.integer({ min: 1, max: 120_000 }),
      feasible: fc.constantFrom(true, true, true, false),
      inOwnDistrict: fc.boolean(),
    }),
    { minLength: 1, maxLength: 7 }
  ),
})

/** One id in a ballot: a project of the campaign (by index), someone else's, or junk. */
type IdChoice =
  | { kind: 'project'; index: number }
  | { kind: 'foreign' }
  | { kind: 'made-up'; id: number }
  | { kind: 'malformed'; value: unknown }

const idChoices: fc.Arbitrary<IdChoice> = fc.oneof(
  { weight: 8, arbitrary: fc.nat(6).map((index) => ({ kind: 'project' as const, index })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'foreign' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1_000_000_000, max: 2_147_483_647 })
      .map((id) => ({ kind: 'made-up' as const, id })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom<unknown>(0, -3, 1.5, 2 ** 31, '12', '0x10', null, true, [1], { id: 1 })
      .map((value) => ({ kind: 'malformed' as const, value })),
  }
)

/** What a citizen does: save (maybe submitting) a ballot, or submit the stored draft. */
type Step = { action: 'save'; ids: IdChoice[]; submit: boolean | undefined } | { action: 'submit' }

const steps: fc.Arbitrary<Step[]> = fc.array(
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        action: fc.constant('save' as const),
        ids: fc.array(idChoices, { maxLength: 6 }),
        submit: fc.constantFrom(true, false, undefined),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ action: 'submit' as const }) }
  ),
  { minLength: 1, maxLength: 5 }
)

/** The ballot the API last accepted for a voter, as the test expects it stored. */
interface Stored {
  ids: number[]
  submitted: boolean
}

interface Scope {
  rule: GeneratedCampaign['rule']
  budget: number
  /** The projects this voter may choose, with their cost. */
  costs: Map<number, number>
}

/**
 * The oracle, written from the rules rather than from the code: every rule a ballot
 * breaks, by the code the API gives it. A draft (`complete` false) may be short of the minimum.
 */
function brokenRules(scope: Scope, ids: number[], complete: boolean): Set<string> {
  const broken = new Set<string>()
  if (ids.some((id) => !scope.costs.has(id))) broken.add('E_UNKNOWN_PROJECT')
  if (new Set(ids).size !== ids.length) broken.add('E_DUPLICATE_PROJECT')
  if (broken.size > 0) return broken
  if (complete && ids.length === 0) broken.add('E_EMPTY_BALLOT')
  if (scope.rule.ballotRule === 'approval') {
    const { minProjects, maxProjects } = scope.rule
    if (maxProjects !== null && ids.length > maxProjects) broken.add('E_TOO_MANY_PROJECTS')
    if (complete && ids.length < minProjects) broken.add('E_TOO_FEW_PROJECTS')
    return broken
  }
  const total = ids.reduce((sum, id) => sum + scope.costs.get(id)!, 0)
  if (total > scope.budget) broken.add('E_OVER_BUDGET')
  const percent = scope.rule.minSpendPercent ?? 0
  if (complete && total * 100 < scope.budget * percent) broken.add('E_UNDER_MIN_SPEND')
  return broken
}

/** Stores a generated campaign of `owner` whose vote is open now; the voter lives in `home`. */
async function storeCampaign(
  owner: Collectivity,
  home: Collectivity,
  generated: GeneratedCampaign
) {
  const rule =
    generated.rule.ballotRule === 'approval'
      ? { ...generated.rule, minSpendPercent: null }
      : { ...generated.rule, minProjects: null, maxProjects: null }
  const { campaign, projects: others } = await campaignOf(owner, {
    ...rule,
    totalAmount: generated.totalAmount,
  })
  // The fixture's own three projects stand for another campaign's: their ids are foreign here.
  const foreign = await campaignOf(owner)
  await BudgetProject.query()
    .whereIn(
      'id',
      others.map((p) => p.id)
    )
    .delete()
  const [own, elsewhere] = generated.districts
    ? await Promise.all([
        BudgetDistrict.create({
          campaignId: campaign.id,
          name: 'Quartier du votant',
          budget: generated.districts.ownBudget,
          communeIds: [home.id],
        }),
        BudgetDistrict.create({
          campaignId: campaign.id,
          name: 'Autre quartier',
          budget: generated.totalAmount,
          communeIds: [],
        }),
      ])
    : [null, null]
  const projects = []
  for (const [index, project] of generated.projects.entries()) {
    projects.push(
      await BudgetProject.create({
        collectivityId: owner.id,
        campaignId: campaign.id,
        districtId: own ? (project.inOwnDistrict ? own.id : elsewhere!.id) : null,
        title: `Projet ${index + 1}`,
        estimatedCost: project.cost,
        finalCost: project.cost,
        status: project.feasible ? 'feasible' : 'unfeasible',
      })
    )
  }
  const scope: Scope = {
    rule: generated.rule,
    budget: own?.budget ?? generated.totalAmount,
    costs: new Map(
      projects
        .filter((p, i) => p.status === 'feasible' && (!own || generated.projects[i].inOwnDistrict))
        .map((p) => [p.id, p.finalCost!])
    ),
  }
  return { campaign, projects, foreignId: foreign.projects[0].id, scope }
}

test.group('Participation: generated ballots against generated campaigns', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.timeout(180_000)

  test('200 exactly when no rule is broken, else a 4xx naming a broken rule; stored ballots follow the rule', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA, t.epci], ['budgets'])
    let accepted = 0
    let refused = 0
    await fc.assert(
      fc.asyncProperty(
        campaigns,
        fc.array(steps, { minLength: 1, maxLength: 2 }),
        async (generated, voters) => {
          await resetRateLimits()
          const { campaign, projects, foreignId, scope } = await storeCampaign(
            t.epci,
            t.communeA,
            generated
          )
          for (const voterSteps of voters) {
            const { citizen, token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
            let stored = null as Stored | null
            for (const step of voterSteps) {
              if (step.action === 'submit') {
                const response = await send(
                  client,
                  `/api/v1/budgets/${campaign.id}/ballot/submit`,
                  token
                )
                if (!stored) {
                  assert.equal(response.status(), 404)
                  assert.equal(response.body().errors[0].code, 'E_BALLOT_NOT_FOUND')
                  continue
                }
                const broken = brokenRules(scope, stored.ids, true)
                if (broken.size === 0) {
                  assert.equal(response.status(), 200, JSON.stringify(response.body()))
                  assert.equal(response.body().data.status, 'submitted')
                  stored.submitted = true
                  accepted++
                } else {
                  assert.equal(response.status(), 422, JSON.stringify(response.body()))
                  assert.include([...broken], response.body().errors[0].code)
                  refused++
                }
                continue
              }
              const raw = step.ids.map((choice) => {
                if (choice.kind === 'project') return projects[choice.index % projects.length].id
                if (choice.kind === 'foreign') return foreignId
                if (choice.kind === 'made-up') return choice.id
                return choice.value
              })
              const body =
                step.submit === undefined
                  ? { project_ids: raw }
                  : { project_ids: raw, submit: step.submit }
              const response = await send(
                client,
                `/api/v1/budgets/${campaign.id}/ballot`,
                token,
                body
              )
              const label = `${JSON.stringify(body)} → ${JSON.stringify(response.body())}`
              if (step.ids.some((choice) => choice.kind === 'malformed')) {
                assert.equal(response.status(), 422, label)
                assert.equal(response.body().errors[0].code, 'E_VALIDATION_ERROR', label)
                assert.match(response.body().errors[0].field, /^project_ids/, label)
                refused++
                continue
              }
              const ids = raw as number[]
              const complete: boolean = Boolean(step.submit) || Boolean(stored?.submitted)
              const broken = brokenRules(scope, ids, complete)
              if (broken.size === 0) {
                assert.equal(response.status(), 200, label)
                assert.deepEqual(response.body().data.project_ids, ids, label)
                assert.equal(response.body().data.status, complete ? 'submitted' : 'draft', label)
                stored = { ids, submitted: complete }
                accepted++
              } else {
                assert.equal(response.status(), 422, label)
                assert.include([...broken], response.body().errors[0].code, label)
                assert.equal(response.body().errors[0].field, 'project_ids', label)
                refused++
              }
            }
            // What the database holds is what was last accepted, and it follows the rule.
            const row = await BudgetBallot.query()
              .where({ campaignId: campaign.id, citizenId: citizen.id })
              .first()
            if (!stored) {
              assert.isNull(row)
              continue
            }
            assert.deepEqual(row!.projectIds, stored.ids)
            assert.equal(row!.submittedAt !== null, stored.submitted)
            assert.deepEqual([...brokenRules(scope, row!.projectIds, stored.submitted)], [])
          }
        }
      ),
      { numRuns: RUNS, endOnFailure: true }
    )
    // The generators reach both sides of the rule, or the property would prove little.
    assert.isAbove(accepted, 0)
    assert.isAbove(refused, 0)
  })

  test('polls too: an answer is taken exactly when its options follow the poll’s rule; what is stored is what was accepted', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const polls = fc.record({
      options: fc.integer({ min: 2, max: 6 }),
      multiple: fc.boolean(),
      maxChoices: fc.option(fc.integer({ min: 1, max: 6 })),
      allowChange: fc.boolean(),
    })
    const answers = fc.array(fc.array(idChoices, { maxLength: 5 }), { minLength: 1, maxLength: 4 })
    const outcomes = new Set<number>()
    await fc.assert(
      fc.asyncProperty(polls, answers, async (generated, attempts) => {
        await resetRateLimits()
        const { poll, optionIds } = await publishedPoll(t.communeA, {
          options: Array.from({ length: generated.options }, (_, i) => `Option ${i + 1}`),
          selection: generated.multiple ? 'multiple' : 'single',
          maxChoices: generated.maxChoices,
          allowChange: generated.allowChange,
        })
        const foreign = await publishedPoll(t.communeA)
        const max = generated.multiple
          ? Math.min(generated.maxChoices ?? generated.options, generated.options)
          : 1
        const broken = (ids: number[]) => {
          const rules = new Set<string>()
          if (new Set(ids).size !== ids.length) rules.add('E_DUPLICATE_OPTION')
          if (ids.some((id) => !optionIds.includes(id))) rules.add('E_UNKNOWN_OPTION')
          if (rules.size > 0) return rules
          if (ids.length === 0) rules.add('E_NO_CHOICE')
          if (!generated.multiple && ids.length > 1) rules.add('E_SINGLE_CHOICE')
          if (ids.length > max) rules.add('E_TOO_MANY_CHOICES')
          return rules
        }
        const { citizen, token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
        let answer: { id: number; ids: number[] } | null = null
        for (const attempt of attempts) {
          const raw = attempt.map((choice) => {
            if (choice.kind === 'project') return optionIds[choice.index % optionIds.length]
            if (choice.kind === 'foreign') return foreign.optionIds[0]
            if (choice.kind === 'made-up') return choice.id
            return choice.value
          })
          const path = answer
            ? `/api/v1/polls/${poll.id}/answers/${answer.id}`
            : `/api/v1/polls/${poll.id}/answers`
          const response = await send(
            client,
            path,
            token,
            { option_ids: raw },
            answer ? 'put' : 'post'
          )
          outcomes.add(response.status())
          const label = `${JSON.stringify(generated)} ${JSON.stringify(raw)} → ${JSON.stringify(response.body())}`
          if (attempt.some((choice) => choice.kind === 'malformed')) {
            assert.equal(response.status(), 422, label)
            assert.equal(response.body().errors[0].code, 'E_VALIDATION_ERROR', label)
            continue
          }
          if (answer && !generated.allowChange) {
            assert.equal(response.status(), 409, label)
            assert.equal(response.body().errors[0].code, 'E_ANSWER_FINAL', label)
            continue
          }
          const ids = raw as number[]
          const rules = broken(ids)
          if (rules.size > 0) {
            assert.equal(response.status(), 422, label)
            assert.include([...rules], response.body().errors[0].code, label)
            assert.equal(response.body().errors[0].field, 'option_ids', label)
            continue
          }
          assert.equal(response.status(), answer ? 200 : 201, label)
          assert.sameMembers(response.body().data.option_ids, ids, label)
          answer = { id: response.body().data.id, ids }
        }
        const stored = await db
          .from('participation_poll_choices')
          .join('participation_poll_answers', 'participation_poll_answers.id', 'answer_id')
          .where({ poll_id: poll.id, citizen_id: citizen.id })
          .select('option_id')
        const storedIds = stored.map((row) => row.option_id as number)
        assert.sameMembers(storedIds, answer?.ids ?? [])
        if (answer) assert.deepEqual([...broken(storedIds)], [])
      }),
      { numRuns: RUNS, endOnFailure: true }
    )
    // Both sides of the rule were reached: taken (201/200) and refused (422).
    assert.include([...outcomes], 201)
    assert.include([...outcomes], 422)
  })
})
