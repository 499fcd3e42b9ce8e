import vine from '@vinejs/vine'
import { apiValidator } from '#kernel/http/validation_messages'
import { normalizeEmail } from '#kernel/accounts/models/citizen'

/** Password rules: long enough to resist guessing, short enough to hash cheaply. */
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 128

const email = () => vine.string().trim().maxLength(254).email().transform(normalizeEmail)
const newPassword = () =>
  vine.string().minLength(PASSWORD_MIN_LENGTH).maxLength(PASSWORD_MAX_LENGTH)
const displayName = () => vine.string().trim().minLength(2).maxLength(80)
/** INSEE code of a commune: 5 characters, Corsica's start with 2A or 2B. */
export const communeCode = () =>
  vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(\d{5}|2[AB]\d{3})$/)
const mailedToken = () => vine.string().trim().minLength(20).maxLength(128)

export const registerCitizenValidator = apiValidator({
  email: email(),
  password: newPassword(),
  display_name: displayName(),
  home_commune_code: communeCode().nullable().optional(),
})

export const loginCitizenValidator = apiValidator({
  email: email(),
  password: vine.string().maxLength(PASSWORD_MAX_LENGTH),
  device_name: vine.string().trim().maxLength(100).optional(),
})

export const updateCitizenProfileValidator = apiValidator({
  display_name: displayName().optional(),
  home_commune_code: communeCode().nullable().optional(),
})

export const verifyCitizenEmailValidator = apiValidator({ token: mailedToken() })

export const forgotCitizenPasswordValidator = apiValidator({ email: email() })

export const resetCitizenPasswordValidator = apiValidator({
  token: mailedToken(),
  password: newPassword(),
})

export const deleteCitizenAccountValidator = apiValidator({
  password: vine.string().maxLength(PASSWORD_MAX_LENGTH),
})
