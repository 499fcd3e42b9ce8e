/*
| What the participation screens share: the citizen's own answer to an item (found through
| GET /api/v1/me/participations, which names it), the French words for windows and phases, and
| the API's refusals sorted by the field they concern.
*/
import { ref } from 'vue'
import { ApiError, get, getToken } from '../../api'

export type ParticipationType = 'poll' | 'consultation' | 'budget'

export interface MyParticipation {
  type: ParticipationType
  id: number
  answer_id: number
  can_change: boolean
  state: 'upcoming' | 'open' | 'closed'
}

/** The signed-in citizen's answer (poll), submission (consultation) or ballot (budget), if any. */
export async function findMine(type: ParticipationType, id: number): Promise<MyParticipation | null> {
  if (!getToken()) return null
  const { body } = await get<{ data: MyParticipation[] }>('/me/participations')
  return body.data.find((entry) => entry.type === type && entry.id === id) ?? null
}

export const WINDOW_STATES: Record<string, string> = {
  upcoming: 'Pas encore ouvert',
  open: 'Ouvert',
  closed: 'Clos',
}

export const BUDGET_PHASES: Record<string, string> = {
  upcoming: 'À venir',
  proposals: 'Dépôt des projets',
  review: 'Étude des projets',
  vote: 'Vote ouvert',
  results: 'Vote clos',
}

/** API refusal → messages by field (`_` for the form as a whole: 403, 409, offline). */
export function refusals(caught: unknown): Record<string, string> {
  if (caught instanceof ApiError) return caught.byField
  return { _: 'L’envoi a échoué : réessayez.' }
}

export const euros = (amount: number) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount)

/** The first load of a screen: `loading` until it ends, then the refusal (if any) in French. */
export function useFirstLoad(refusal: string) {
  const loading = ref(true)
  const loadError = ref<string | null>(null)
  async function run(load: () => Promise<void>) {
    try {
      await load()
    } catch (caught) {
      loadError.value = refusals(caught)._ ?? refusal
    } finally {
      loading.value = false
    }
  }
  return { loading, loadError, run }
}

/** One answer sent at a time; `act` says in French what was recorded, a refusal lands by field. */
export function useSubmission() {
  const errors = ref<Record<string, string>>({})
  const saved = ref('')
  const sending = ref(false)
  async function submit(act: () => Promise<string>) {
    sending.value = true
    errors.value = {}
    saved.value = ''
    try {
      saved.value = await act()
    } catch (caught) {
      errors.value = refusals(caught)
    } finally {
      sending.value = false
    }
  }
  return { errors, saved, sending, submit }
}
