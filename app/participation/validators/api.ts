import vine from '@vinejs/vine'
import { apiValidator } from '#kernel/http/validation_messages'

const id = () => vine.number().withoutDecimals().range([1, 2_147_483_647])

export const idParamsValidator = apiValidator({
  id: id(),
  answerId: id().optional(),
  questionId: id().optional(),
})

export const listQueryValidator = apiValidator({
  state: vine.enum(['open', 'closed'] as const).optional(),
})

export const pollAnswerValidator = apiValidator({
  option_ids: vine.array(id()).maxLength(20),
})

export const consultationSubmissionValidator = apiValidator({
  answers: vine
    .array(
      vine.object({
        question_id: id(),
        choice_ids: vine.array(id()).maxLength(20).optional().nullable(),
        value: vine.number().withoutDecimals().optional().nullable(),
        text: vine.string().maxLength(5000).optional().nullable(),
      })
    )
    .maxLength(50),
})
