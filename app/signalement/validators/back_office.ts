import vine from '@vinejs/vine'
import { idRule } from '#kernel/http/ids'
import { withFieldLabels } from '#kernel/http/field_labels'
import { HANDLING_LEVELS, REPORT_STATUSES } from '#signalement/vocabulary'

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export const queueFiltersValidator = withFieldLabels(
  vine.create({
    status: vine.enum(REPORT_STATUSES).optional(),
    category: vine.string().trim().maxLength(64).optional(),
    communeId: idRule().optional(),
    overdue: vine.boolean().optional(),
    from: vine.string().regex(ISO_DATE).optional(),
    to: vine.string().regex(ISO_DATE).optional(),
  }),
  { status: 'statut', category: 'catégorie', communeId: 'commune', from: 'du', to: 'au' }
)

export const transitionValidator = withFieldLabels(
  vine.create({
    to: vine.enum(REPORT_STATUSES),
    publicMessage: vine.string().trim().maxLength(4000).optional(),
    internalNote: vine.string().trim().maxLength(4000).optional(),
  }),
  { to: 'étape', publicMessage: 'message public', internalNote: 'note interne' }
)

export const reassignValidator = withFieldLabels(
  vine.create({
    toCollectivityId: idRule(),
    internalNote: vine.string().trim().maxLength(4000).optional(),
  }),
  { toCollectivityId: 'collectivité', internalNote: 'note interne' }
)

export const moderationValidator = vine.create({
  state: vine.enum(['published', 'hidden'] as const),
  internalNote: vine.string().trim().maxLength(4000).optional(),
})

export const hidePhotoValidator = withFieldLabels(
  vine.create({
    mediaId: idRule(),
    reason: vine.string().trim().minLength(3).maxLength(500),
  }),
  { mediaId: 'photo', reason: 'motif' }
)

export const unhidePhotoValidator = withFieldLabels(vine.create({ mediaId: idRule() }), {
  mediaId: 'photo',
})

export const unmergeValidator = withFieldLabels(
  vine.create({ internalNote: vine.string().trim().maxLength(4000).optional() }),
  { internalNote: 'note interne' }
)

export const mergeValidator = withFieldLabels(
  vine.create({
    intoId: idRule(),
    internalNote: vine.string().trim().maxLength(4000).optional(),
  }),
  { intoId: 'numéro du signalement d’origine', internalNote: 'note interne' }
)

export const statisticsValidator = vine.create({
  months: vine.number().withoutDecimals().range([1, 36]).optional(),
})

export const categorySettingValidator = withFieldLabels(
  vine.create({
    enabled: vine.boolean(),
    // null = as decided above (the EPCI's, the département's or the catalogue's level).
    handlingLevel: vine.enum(HANDLING_LEVELS).nullable(),
  }),
  { enabled: 'proposée', handlingLevel: 'échelon qui traite' }
)

export const open311KeyValidator = withFieldLabels(
  vine.create({ name: vine.string().trim().minLength(2).maxLength(255) }),
  { name: 'nom du client' }
)
