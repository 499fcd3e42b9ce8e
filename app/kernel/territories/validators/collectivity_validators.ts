import vine from '@vinejs/vine'
import { apiValidator } from '#kernel/http/validation_messages'
import { COLLECTIVITY_KINDS } from '#kernel/territories/models/collectivity'

export const SEARCH_QUERY_MAX_LENGTH = 100

export const searchCollectivitiesValidator = apiValidator({
  q: vine.string().trim().minLength(1).maxLength(SEARCH_QUERY_MAX_LENGTH),
  kind: vine.enum(COLLECTIVITY_KINDS).optional(),
})
