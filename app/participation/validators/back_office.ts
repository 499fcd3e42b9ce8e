import vine from '@vinejs/vine'
import { idRule } from '#kernel/http/ids'
import { AUDIENCES } from '#participation/support/eligibility'
import { RESULTS_VISIBILITIES } from '#participation/models/participation_item'
import { QUESTION_KINDS } from '#participation/models/consultation_question'

/*
| Back-office forms of polls and consultations. Messages and field names come from
| resources/lang/fr/validator.json; the rules the actions enforce (2 to 20 options, the close
| after the opening, frozen options once answered) answer with their own French message.
*/
const localDateTime = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?/)

const common = {
  title: vine.string().trim().minLength(3).maxLength(255),
  description: vine.string().trim().maxLength(5000).optional().nullable(),
  opensAt: localDateTime(),
  closesAt: localDateTime(),
  audience: vine.enum(AUDIENCES),
  resultsVisibility: vine.enum(RESULTS_VISIBILITIES),
}

export const pollFormValidator = vine.create({
  ...common,
  selection: vine.enum(['single', 'multiple'] as const),
  maxChoices: vine.number().withoutDecimals().range([1, 20]).optional().nullable(),
  allowChange: vine.boolean(),
  options: vine.array(vine.string().trim().maxLength(255)).maxLength(20),
})

export const consultationFormValidator = vine.create({
  ...common,
  questions: vine
    .array(
      vine.object({
        kind: vine.enum(QUESTION_KINDS),
        label: vine.string().trim().minLength(2).maxLength(500),
        required: vine.boolean(),
        choices: vine.array(vine.string().trim().maxLength(255)).maxLength(20).optional(),
        maxChoices: vine.number().withoutDecimals().range([1, 20]).optional().nullable(),
        scaleMax: vine.number().withoutDecimals().optional().nullable(),
      })
    )
    .maxLength(50),
})

export const listFiltersValidator = vine.create({
  edit: vine
    .string()
    .trim()
    .regex(/^(new|\d{1,10})$/)
    .optional(),
})

export const textPageValidator = vine.create({
  question: idRule().optional(),
  cursor: vine.string().maxLength(512).optional(),
})
