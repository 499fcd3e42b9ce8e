import vine from '@vinejs/vine'
import { apiValidator } from '#kernel/http/validation_messages'
import { idRule, jsonIdRule } from '#kernel/http/ids'

/** Route params are strings: read as ids. */
const id = () => idRule()

export const idParamsValidator = apiValidator({
  id: id(),
  answerId: id().optional(),
  questionId: id().optional(),
})

export const listQueryValidator = apiValidator({
  state: vine.enum(['open', 'closed'] as const).optional(),
})

export const pollAnswerValidator = apiValidator({
  option_ids: vine.array(jsonIdRule()).maxLength(20),
})

export const consultationSubmissionValidator = apiValidator({
  answers: vine
    .array(
      vine.object({
        question_id: jsonIdRule(),
        choice_ids: vine.array(jsonIdRule()).maxLength(20).optional().nullable(),
        value: vine.number({ strict: true }).withoutDecimals().optional().nullable(),
        text: vine.string().maxLength(5000).optional().nullable(),
      })
    )
    .maxLength(50),
})
