import vine from '@vinejs/vine'
import { apiValidator } from '#kernel/http/validation_messages'
import { BBOX_PATTERN } from '#kernel/http/bbox'
import { idRule, jsonIdRule } from '#kernel/http/ids'

const latitude = () => vine.number().range([-90, 90])
const longitude = () => vine.number().range([-180, 180])

/**
 * A new report. The description's 4,000-character ceiling is the action's rule (the same for
 * Open311), so it is not repeated here; the transport size is bounded by the body parser.
 */
export const createReportValidator = apiValidator({
  category: vine.string().trim().minLength(1).maxLength(64),
  description: vine.string().trim().minLength(3),
  position: vine.object({ lat: latitude(), lng: longitude() }),
  address: vine.string().trim().maxLength(500).optional(),
  media_ids: vine.array(jsonIdRule()).maxLength(6).optional(),
  anonymous: vine.boolean().optional(),
})

export const publicReportsQueryValidator = apiValidator({
  format: vine.enum(['json', 'geojson'] as const).optional(),
  bbox: vine.string().trim().regex(BBOX_PATTERN).optional(),
})

/*
| Rounded to 1 cm: the distance's trigonometry in PostgreSQL refuses subnormal floats such as
| 5e-323 (« value out of range: underflow », a 500 the OpenAPI fuzzing found).
*/
const toCentimetre = (degrees: number) => Math.round(degrees * 1e7) / 1e7

export const nearbyQueryValidator = apiValidator({
  lat: latitude().transform(toCentimetre),
  lng: longitude().transform(toCentimetre),
  category: vine.string().trim().maxLength(64).optional(),
})

export const flagValidator = apiValidator({
  reason: vine.string().trim().maxLength(500).optional(),
})

export const reportIdValidator = apiValidator({
  id: idRule(),
})

export { parseBbox } from '#kernel/http/bbox'
