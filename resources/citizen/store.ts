/*
| What the app keeps on the device: the followed communes (several, as PanneauPocket allows),
| the one being read, the vocabularies (French labels of every code, from the API) and whether
| the network is there.
*/
import { computed, reactive, watch } from 'vue'
import { get } from './api'

export interface Commune {
  code: string
  name: string
  postal_codes: string[]
}

const FAVOURITES_KEY = 'bastide.communes'
const CURRENT_KEY = 'bastide.commune'
const VOCABULARIES_KEY = 'bastide.vocabularies'

function read<T>(key: string, fallback: T): T {
  try {
    const value = localStorage.getItem(key)
    return value ? (JSON.parse(value) as T) : fallback
  } catch {
    return fallback
  }
}

export const state = reactive({
  favourites: read<Commune[]>(FAVOURITES_KEY, []),
  currentCode: localStorage.getItem(CURRENT_KEY),
  vocabularies: read<Record<string, Record<string, string>>>(VOCABULARIES_KEY, {}),
  online: navigator.onLine,
  /** Something on screen came from the offline cache. */
  showingCache: false,
  /** A town hall's link (`?commune=CODE`) is being resolved: the feed waits, not the chooser. */
  joining: null as string | null,
})

watch(
  () => state.favourites,
  (favourites) => localStorage.setItem(FAVOURITES_KEY, JSON.stringify(favourites)),
  { deep: true }
)
watch(
  () => state.currentCode,
  (code) => (code ? localStorage.setItem(CURRENT_KEY, code) : localStorage.removeItem(CURRENT_KEY))
)

export const currentCommune = computed<Commune | null>(
  () =>
    state.favourites.find((commune) => commune.code === state.currentCode) ??
    state.favourites[0] ??
    null
)

export function follow(commune: Commune) {
  if (!state.favourites.some((known) => known.code === commune.code)) {
    state.favourites.push({
      code: commune.code,
      name: commune.name,
      postal_codes: commune.postal_codes,
    })
  }
  state.currentCode = commune.code
}

export function unfollow(code: string) {
  state.favourites = state.favourites.filter((commune) => commune.code !== code)
  if (state.currentCode === code) state.currentCode = state.favourites[0]?.code ?? null
}

export function noteCache(fromCache: boolean) {
  state.showingCache = fromCache
}

/** French label of a code, from GET /api/v1/vocabularies; the code itself until it arrives. */
export function label(vocabulary: string, code: string): string {
  return state.vocabularies[vocabulary]?.[code] ?? code
}

export async function loadVocabularies() {
  try {
    const { body } = await get<{ data: Record<string, Record<string, string>> }>('/vocabularies')
    state.vocabularies = body.data
    localStorage.setItem(VOCABULARIES_KEY, JSON.stringify(body.data))
  } catch {
    // Offline: the copy kept on the device (if any) stays in use.
  }
}

window.addEventListener('online', () => (state.online = true))
window.addEventListener('offline', () => (state.online = false))
