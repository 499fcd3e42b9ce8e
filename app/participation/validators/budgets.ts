import vine from '@vinejs/vine'
import { apiValidator } from '#kernel/http/validation_messages'
import { idRule, jsonIdRule } from '#kernel/http/ids'

/** A declared age, a JSON number (`true` is not 1 year old). */
const age = () => vine.number({ strict: true }).withoutDecimals().range([0, 130])

export const budgetParamsValidator = apiValidator({ id: idRule(), ballotId: idRule().optional() })

export const ballotValidator = apiValidator({
  project_ids: vine.array(jsonIdRule()).maxLength(200),
  declared_age: age().optional().nullable(),
  submit: vine.boolean().optional(),
})

export const submitBallotValidator = apiValidator({
  declared_age: age().optional().nullable(),
})

export const proposalValidator = apiValidator({
  title: vine.string().trim().minLength(3).maxLength(255),
  description: vine.string().trim().minLength(10).maxLength(10_000),
  estimated_cost: vine.number({ strict: true }).withoutDecimals().range([1, 1_000_000_000]),
  place: vine.string().trim().maxLength(255).optional().nullable(),
  theme: vine.string().trim().maxLength(80).optional().nullable(),
  photo_ids: vine.array(jsonIdRule()).maxLength(10).optional(),
})
