import vine from '@vinejs/vine'
import { idRule } from '#kernel/http/ids'
import { ROLES } from '#kernel/tenancy/permissions'

const password = () => vine.string().minLength(12).maxLength(200)

export const loginValidator = vine.create({
  email: vine.string().trim().email().maxLength(254),
  password: vine.string().maxLength(200),
})

export const acceptInvitationValidator = vine.create({
  fullName: vine.string().trim().minLength(2).maxLength(255),
  password: password().confirmed({ confirmationField: 'passwordConfirmation' }),
})

export const forgotPasswordValidator = vine.create({
  email: vine.string().trim().email().maxLength(254),
})

export const resetPasswordValidator = vine.create({
  password: password().confirmed({ confirmationField: 'passwordConfirmation' }),
})

export const inviteValidator = vine.create({
  email: vine.string().trim().email().maxLength(254),
  role: vine.enum(ROLES),
  confirmRoleChange: vine.boolean().optional(),
})

export const changeRoleValidator = vine.create({
  role: vine.enum(ROLES),
})

export const switchAuthorityValidator = vine.create({
  collectivityId: idRule(),
})

export const authoritySearchValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
})

export const featuresValidator = vine.create({
  enabled: vine.array(vine.string().maxLength(64)).maxLength(100),
  settings: vine.record(vine.record(vine.any())).optional(),
})

export const brandingValidator = vine.create({
  colour: vine
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  logoMediaId: idRule().optional().nullable(),
})

export const auditFiltersValidator = vine.create({
  agentId: idRule().optional(),
  action: vine.string().trim().maxLength(64).optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  page: vine.number().withoutDecimals().range([1, 100000]).optional(),
})
