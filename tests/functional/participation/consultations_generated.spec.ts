/*
| Generated consultations and submissions (fast-check). A questionnaire of 1 to 4 questions of
| every kind (single or multiple choice, scale of 5 or 10, free text), required or not; each
| citizen submits then changes random answers: their own questions, another consultation's or
| made-up ones, repeated, with choice ids known or not, scale values in and out of range, texts
| empty, blank, padded or too long, and the fields of other kinds beside. Every answer is a 2xx
| or a 4xx held to the OpenAPI document, never a 500; a submission is taken exactly when it
| breaks no rule, a refusal names one of the rules it breaks, and what is stored is what was last
| taken: skipped answers left out, texts trimmed, choices sorted.
*/
import { test } from '@japa/runner'
import fc from 'fast-check'
import type { ApiResponse } from '@japa/api-client'
import testUtils from '@adonisjs/core/services/test_utils'
import { territory } from '#tests/functional/tenancy/fixtures'
import { citizenWithToken } from '#tests/helpers/citizens'
import { resetRateLimits } from '#tests/helpers/rate_limits'
import { MAX_TEXT_ANSWER } from '#participation/support/consultation_answers'
import type { QuestionKind } from '#participation/models/consultation_question'
import { enable, publishedConsultation, send } from './fixtures.js'

// Twice the ballots' runs: a bound is only tested when the rest of its attempt is valid.
const RUNS = 2 * Number(process.env.PARTICIPATION_PROPERTY_RUNS ?? 25)

interface GeneratedQuestion {
  kind: QuestionKind
  required: boolean
  choices: number
  maxChoices: number | null
  scaleMax: 5 | 10
}

const questionnaires = fc.array(
  fc.record({
    kind: fc.constantFrom<QuestionKind>('single', 'multiple', 'scale', 'text'),
    required: fc.boolean(),
    choices: fc.integer({ min: 2, max: 5 }),
    maxChoices: fc.option(fc.integer({ min: 1, max: 5 })),
    scaleMax: fc.constantFrom<5 | 10>(5, 10),
  }),
  { minLength: 1, maxLength: 4 }
)

/** Which question an answer points at: one of the consultation's, another's, or none. */
type QuestionRef = { kind: 'own'; index: number } | { kind: 'foreign' } | { kind: 'made-up' }

/** Scale values: mostly in range, often at the bound's either side, sometimes junk. */
const scaleValues = (max: number) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 1, max }) },
    { weight: 6, arbitrary: fc.constantFrom(0, max + 1) },
    { weight: 4, arbitrary: fc.constant<number | null>(null) },
    { weight: 1, arbitrary: fc.constant(2.5) }
  )

// Each field mostly holds what some question kind takes, sometimes junk: enough valid
// submissions to test what is stored, enough broken ones to test every refusal.
const contentsWith = (values: fc.Arbitrary<number | null>) =>
  fc.record({
    // Choice ids are numbered from 1 within each question; 6 and 99 never exist.
    choiceIds: fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom<number[]>([1], [2], [1], [2], [1, 2], [2, 1]) },
      {
        weight: 2,
        arbitrary: fc.array(fc.constantFrom(1, 1, 2, 3, 4, 5, 6, 99), { maxLength: 4 }),
      },
      { weight: 1, arbitrary: fc.constant<number[] | null>(null) }
    ),
    value: values,
    text: fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom('Des bancs à l’ombre', '  Plus d’arbres  ') },
      { weight: 8, arbitrary: fc.constantFrom<string | null>(null, '', '   ') },
      { weight: 1, arbitrary: fc.constant('x'.repeat(5001)) }
    ),
  })
const contents = contentsWith(scaleValues(5))
/** What an answer to `question` holds: its scale's own bounds when it has one. */
const contentsFor = (question: GeneratedQuestion) =>
  question.kind === 'scale' ? contentsWith(scaleValues(question.scaleMax)) : contents

const strayQuestions: fc.Arbitrary<QuestionRef> = fc.oneof(
  fc.nat(3).map((index) => ({ kind: 'own' as const, index })),
  fc.constant({ kind: 'foreign' as const }),
  fc.constant({ kind: 'made-up' as const })
)

/** An attempt at a questionnaire: most questions answered in order (1 in 5 skipped), now and then a stray answer. */
const answersFor = (questionnaire: GeneratedQuestion[]) =>
  fc
    .record({
      inOrder: fc.tuple(
        ...questionnaire.map((question) => fc.option(contentsFor(question), { freq: 5 }))
      ),
      stray: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.record({ question: strayQuestions, content: contents }) }
      ),
    })
    .map(({ inOrder, stray }) => {
      const list: GeneratedAnswer[] = inOrder.flatMap((content, index) =>
        content ? [{ question: { kind: 'own' as const, index }, ...content }] : []
      )
      if (stray) list.push({ question: stray.question, ...stray.content })
      return list
    })

/** A questionnaire and 1 to 3 attempts at it. */
const consultationsAndAttempts = questionnaires.chain((questionnaire) =>
  fc.tuple(
    fc.constant(questionnaire),
    fc.array(answersFor(questionnaire), { minLength: 1, maxLength: 3 })
  )
)

type GeneratedAnswer = {
  question: QuestionRef
  choiceIds: number[] | null
  value: number | null
  text: string | null
}

interface StoredAnswer {
  question_id: number
  choice_ids: number[] | null
  value: number | null
  text: string | null
}

const byQuestion = (list: StoredAnswer[]) => [...list].sort((a, b) => a.question_id - b.question_id)

/** The rules a submission breaks (every one of them), or the answers it stores. */
function judge(questions: Array<GeneratedQuestion & { id: number }>, list: GeneratedAnswer[]) {
  const broken = new Set<string>()
  const stored: StoredAnswer[] = []
  const seen = new Set<number>()
  for (const answer of list) {
    const question = answer.question.kind === 'own' ? questions[answer.question.index] : undefined
    if (!question) {
      broken.add('E_UNKNOWN_QUESTION')
      continue
    }
    if (seen.has(question.id)) broken.add('E_DUPLICATE_QUESTION')
    seen.add(question.id)
    const empty = { question_id: question.id, choice_ids: null, value: null, text: null }
    if (question.kind === 'text') {
      const text = answer.text?.trim() ?? ''
      if (text) stored.push({ ...empty, text })
    } else if (question.kind === 'scale') {
      if (answer.value === null) continue
      if (answer.value < 1 || answer.value > question.scaleMax) broken.add('E_SCALE_VALUE')
      else stored.push({ ...empty, value: answer.value })
    } else {
      const ids = answer.choiceIds ?? []
      if (ids.length === 0) continue
      const max =
        question.kind === 'single'
          ? 1
          : Math.max(1, Math.min(question.maxChoices ?? question.choices, question.choices))
      if (ids.some((id) => id > question.choices)) broken.add('E_UNKNOWN_OPTION')
      if (new Set(ids).size !== ids.length) broken.add('E_DUPLICATE_OPTION')
      if (ids.length > max) broken.add('E_TOO_MANY_CHOICES')
      stored.push({ ...empty, choice_ids: [...ids].sort((a, b) => a - b) })
    }
  }
  for (const question of questions) {
    if (question.required && !stored.some((answer) => answer.question_id === question.id))
      broken.add('E_REQUIRED_QUESTION')
  }
  return { broken, stored }
}

test.group('Participation: generated submissions against generated consultations', (group) => {
  group.each.setup(() => testUtils.db().wrapInGlobalTransaction())
  group.each.timeout(180_000)

  test('taken exactly when no rule is broken, else a 4xx naming a broken rule; what is stored is what was taken', async ({
    client,
    assert,
  }) => {
    const t = await territory()
    await enable([t.communeA])
    const foreign = await publishedConsultation(t.communeA)
    let taken = 0
    let refused = 0
    await fc.assert(
      fc.asyncProperty(consultationsAndAttempts, async ([generated, attempts]) => {
        await resetRateLimits()
        const { consultation, questions } = await publishedConsultation(t.communeA, {
          questions: generated.map((question, index) => ({
            kind: question.kind,
            label: `Question ${index + 1}`,
            required: question.required,
            choices: Array.from({ length: question.choices }, (_, i) => `Choix ${i + 1}`),
            maxChoices: question.maxChoices,
            scaleMax: question.scaleMax,
          })),
        })
        const model = generated.map((question, index) => ({
          ...question,
          id: questions[index].id,
        }))
        const { token } = await citizenWithToken({ homeCommuneId: t.communeA.id })
        const base = `/api/v1/consultations/${consultation.id}/submissions`
        let submission: { id: number; stored: StoredAnswer[] } | null = null
        for (const attempt of attempts) {
          const body = {
            answers: attempt.map((answer) => ({
              question_id:
                answer.question.kind === 'own'
                  ? (model[answer.question.index]?.id ?? 2_000_000_000)
                  : answer.question.kind === 'foreign'
                    ? foreign.questions[0].id
                    : 2_000_000_000,
              choice_ids: answer.choiceIds,
              value: answer.value,
              text: answer.text,
            })),
          }
          const response: ApiResponse = submission
            ? await send(client, `${base}/${submission.id}`, token, body, 'put')
            : await send(client, base, token, body, 'post')
          const label = `${JSON.stringify(generated)} ${JSON.stringify(body)} → ${JSON.stringify(response.body())}`
          const malformed = attempt.some(
            (answer) =>
              (answer.value !== null && !Number.isInteger(answer.value)) ||
              (answer.text?.length ?? 0) > MAX_TEXT_ANSWER
          )
          if (malformed) {
            assert.equal(response.status(), 422, label)
            assert.equal(response.body().errors[0].code, 'E_VALIDATION_ERROR', label)
            refused++
            continue
          }
          const { broken, stored } = judge(model, attempt)
          if (broken.size > 0) {
            assert.equal(response.status(), 422, label)
            assert.include([...broken], response.body().errors[0].code, label)
            refused++
            continue
          }
          assert.equal(response.status(), submission ? 200 : 201, label)
          assert.deepEqual(byQuestion(response.body().data.answers), byQuestion(stored), label)
          submission = { id: response.body().data.id, stored }
          taken++
        }
        if (!submission) return
        const own = await client.get(`${base}/${submission.id}`).bearerToken(token)
        own.assertStatus(200)
        assert.deepEqual(byQuestion(own.body().data.answers), byQuestion(submission.stored))
      }),
      { numRuns: RUNS, endOnFailure: true }
    )
    // The generators reach both sides of the rules, or the property would prove little.
    assert.isAbove(taken, 0)
    assert.isAbove(refused, 0)
  })
})
