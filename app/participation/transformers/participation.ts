import type { DateTime } from 'luxon'
import type { Audience } from '#info/actions/resolve_audience'
import type ParticipationItem from '#participation/models/participation_item'
import type Poll from '#participation/models/poll'
import type PollOption from '#participation/models/poll_option'
import type Consultation from '#participation/models/consultation'
import type ConsultationQuestion from '#participation/models/consultation_question'
import type { PollTally } from '#participation/actions/tally_poll'
import type { PollAnswerView } from '#participation/actions/answer_poll'
import type { ConsultationResults } from '#participation/actions/consultation_results'
import type { SubmissionView } from '#participation/actions/submit_consultation'
import { TIME_ZONE } from '#participation/support/window'

/** The JSON shapes of the participation API (snake_case, ISO dates in Paris time, origin). */
const paris = (instant: DateTime) => instant.setZone(TIME_ZONE).toISO()

export function itemSummaryJson(item: ParticipationItem, audience: Audience, now: DateTime) {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    state: item.stateAt(now),
    opens_at: paris(item.opensAt),
    closes_at: paris(item.closesAt),
    audience: item.audience,
    results_visibility: item.resultsVisibility,
    results_available: item.resultsPublicAt(now),
    ...audience.originOf(item.collectivityId),
  }
}

export function pollJson(
  poll: Poll,
  options: PollOption[],
  tally: PollTally | null,
  audience: Audience,
  now: DateTime
) {
  return {
    ...itemSummaryJson(poll, audience, now),
    selection: poll.selection,
    max_choices: poll.maxChoices,
    allow_change: poll.allowChange,
    options: options.map((option) => ({ id: option.id, label: option.label })),
    results: tally
      ? {
          total_answers: tally.totalAnswers,
          options: tally.options,
        }
      : null,
  }
}

export function pollAnswerJson(answer: PollAnswerView) {
  return {
    id: answer.id,
    poll_id: answer.pollId,
    option_ids: answer.optionIds,
    created_at: answer.createdAt.toISO(),
    updated_at: answer.updatedAt.toISO(),
  }
}

export function questionJson(question: ConsultationQuestion) {
  return {
    id: question.id,
    position: question.position,
    kind: question.kind,
    label: question.label,
    required: question.required,
    choices: question.choices,
    max_choices: question.kind === 'multiple' ? question.maxChoices : null,
    scale_max: question.kind === 'scale' ? question.scaleMax : null,
  }
}

export function consultationJson(
  consultation: Consultation,
  questions: ConsultationQuestion[],
  results: ConsultationResults | null,
  audience: Audience,
  now: DateTime
) {
  return {
    ...itemSummaryJson(consultation, audience, now),
    questions: questions.map(questionJson),
    results: results
      ? {
          total_submissions: results.totalSubmissions,
          questions: results.questions.map((entry) => ({
            question_id: entry.questionId,
            answered: entry.answered,
            ...(entry.choices ? { choices: entry.choices } : {}),
            ...(entry.scale ? { scale: entry.scale, mean: entry.mean } : {}),
          })),
        }
      : null,
  }
}

export function submissionJson(submission: SubmissionView) {
  return {
    id: submission.id,
    consultation_id: submission.consultationId,
    answers: submission.answers.map((answer) => ({
      question_id: answer.questionId,
      choice_ids: answer.choiceIds,
      value: answer.scaleValue,
      text: answer.textValue,
    })),
    created_at: submission.createdAt.toISO(),
    updated_at: submission.updatedAt.toISO(),
  }
}
