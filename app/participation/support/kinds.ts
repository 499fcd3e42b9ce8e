import Poll from '#participation/models/poll'
import PollAnswer from '#participation/models/poll_answer'
import Consultation from '#participation/models/consultation'
import ConsultationSubmission from '#participation/models/consultation_submission'

/** The two kinds of questionnaire items and what differs between them. */
export const ITEM_KINDS = {
  poll: {
    model: Poll,
    submissions: PollAnswer,
    parentColumn: 'poll_id',
    feature: 'polls',
    label: 'Sondages',
    singular: 'sondage',
    notFound: 'Sondage introuvable',
  },
  consultation: {
    model: Consultation,
    submissions: ConsultationSubmission,
    parentColumn: 'consultation_id',
    feature: 'consultations',
    label: 'Consultations',
    singular: 'consultation',
    notFound: 'Consultation introuvable',
  },
} as const

export type ItemKind = keyof typeof ITEM_KINDS
