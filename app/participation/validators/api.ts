import vine from '@vinejs/vine'
import { apiValidator } from '#kernel/http/validation_messages'
import { idRule, jsonIdRule } from '#kernel/http/ids'

export const idParamsValidator = apiValidator({
  id: idRule(),
  answerId: idRule().optional(),
  questionId: idRule().optional(),
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
