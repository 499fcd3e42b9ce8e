import vine from '@vinejs/vine'
import { REPORT_STATUSES } from '#signalement/vocabulary'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export const queueFiltersValidator = vine.create({
  status: vine.enum(REPORT_STATUSES).optional(),
  category: vine.string().trim().maxLength(64).optional(),
  overdue: vine.boolean().optional(),
  from: vine.string().regex(ISO_DATE).optional(),
  to: vine.string().regex(ISO_DATE).optional(),
})

export const transitionValidator = vine.create({
  to: vine.enum(REPORT_STATUSES),
  publicMessage: vine.string().trim().maxLength(4000).optional(),
  internalNote: vine.string().trim().maxLength(4000).optional(),
})

export const reassignValidator = vine.create({
  toCollectivityId: vine.number().withoutDecimals().positive(),
  internalNote: vine.string().trim().maxLength(4000).optional(),
})

export const moderationValidator = vine.create({
  state: vine.enum(['published', 'hidden'] as const),
  internalNote: vine.string().trim().maxLength(4000).optional(),
})
