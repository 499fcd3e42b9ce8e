import vine from '@vinejs/vine'
import { apiValidator } from '#kernel/http/validation_messages'
import { communeCode } from '#kernel/accounts/citizens/validators'

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/

/** A browser's PushSubscription (its JSON form) and the communes it follows. */
export const subscribeValidator = apiValidator({
  subscription: vine.object({
    endpoint: vine.string().trim().url({ require_tld: false }).maxLength(2048),
    keys: vine.object({
      p256dh: vine.string().trim().regex(BASE64URL).minLength(80).maxLength(200),
      auth: vine.string().trim().regex(BASE64URL).minLength(16).maxLength(100),
    }),
  }),
  communes: vine.array(communeCode()).minLength(1).maxLength(20).distinct(),
})

export const unsubscribeValidator = apiValidator({
  endpoint: vine.string().trim().maxLength(2048),
})
