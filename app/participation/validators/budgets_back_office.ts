import vine from '@vinejs/vine'
import { idRule } from '#kernel/http/ids'

/*
| Back-office forms of participatory budgets (French names in resources/lang/fr/validator.json).
| Dates are Paris `datetime-local` values; amounts are whole euros.
*/
const localDateTime = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?/)
const euros = () => vine.number().withoutDecimals().range([0, 10_000_000_000])

export const campaignFormValidator = vine.create({
  title: vine.string().trim().minLength(3).maxLength(255),
  description: vine.string().trim().maxLength(10_000).optional().nullable(),
  totalAmount: euros(),
  ballotRule: vine.enum(['approval', 'knapsack'] as const),
  minProjects: vine.number().withoutDecimals().range([0, 200]).optional().nullable(),
  maxProjects: vine.number().withoutDecimals().range([1, 200]).optional().nullable(),
  minSpendPercent: vine.number().withoutDecimals().range([0, 100]).optional().nullable(),
  allocationRule: vine.enum(['greedy', 'equal_shares'] as const),
  minimumAge: vine.number().withoutDecimals().range([0, 120]).optional().nullable(),
  themes: vine.array(vine.string().trim().minLength(1).maxLength(80)).maxLength(30).optional(),
  districts: vine
    .array(
      vine.object({
        name: vine.string().trim().minLength(1).maxLength(120),
        budget: euros(),
        communeIds: vine.array(idRule()).maxLength(1000),
      })
    )
    .maxLength(50)
    .optional(),
  proposalsOpensAt: localDateTime(),
  proposalsClosesAt: localDateTime(),
  voteOpensAt: localDateTime(),
  voteClosesAt: localDateTime(),
})

export const reviewValidator = vine.create({
  feasible: vine.boolean(),
  reason: vine.string().trim().minLength(3).maxLength(2000),
  finalCost: euros().optional().nullable(),
})

export const mergeValidator = vine.create({ intoId: idRule() })

export const hideValidator = vine.create({
  reason: vine.string().trim().minLength(3).maxLength(2000),
})

export const paperBallotValidator = vine.create({
  projectIds: vine.array(idRule()).maxLength(200),
  districtId: idRule().optional().nullable(),
  declaredAge: vine.number().withoutDecimals().range([0, 130]).optional().nullable(),
})
