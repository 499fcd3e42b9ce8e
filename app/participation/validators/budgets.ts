import vine from '@vinejs/vine'
import { apiValidator } from '#kernel/http/validation_messages'

const id = () => vine.number().withoutDecimals().range([1, 2_147_483_647])

export const budgetParamsValidator = apiValidator({ id: id(), ballotId: id().optional() })

export const ballotValidator = apiValidator({
  project_ids: vine.array(id()).maxLength(200),
  declared_age: vine.number().withoutDecimals().range([0, 130]).optional().nullable(),
  submit: vine.boolean().optional(),
})

export const submitBallotValidator = apiValidator({
  declared_age: vine.number().withoutDecimals().range([0, 130]).optional().nullable(),
})

export const proposalValidator = apiValidator({
  title: vine.string().trim().minLength(3).maxLength(255),
  description: vine.string().trim().minLength(10).maxLength(10_000),
  estimated_cost: vine.number().withoutDecimals().range([1, 1_000_000_000]),
  place: vine.string().trim().maxLength(255).optional().nullable(),
  theme: vine.string().trim().maxLength(80).optional().nullable(),
  photo_ids: vine.array(id()).maxLength(10).optional(),
})
