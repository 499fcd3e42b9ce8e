/*
| Loads one API read for the current commune, again whenever the reader switches commune, and
| remembers whether the answer came from the offline cache (the banner says so).
*/
import { ref, watch, type Ref } from 'vue'
import { ApiError, get } from './api'
import { currentCommune, noteCache } from './store'

export function useCommuneResource<T>(path: (code: string) => string | null) {
  const data = ref<T | null>(null) as Ref<T | null>
  const error = ref<string | null>(null)
  const loading = ref(false)

  async function load() {
    const commune = currentCommune.value
    const target = commune ? path(commune.code) : null
    if (!target) return
    loading.value = true
    error.value = null
    try {
      const result = await get<T>(target)
      data.value = result.body
      noteCache(result.fromCache)
    } catch (caught) {
      error.value = caught instanceof ApiError ? caught.message : 'Le chargement a échoué.'
    } finally {
      loading.value = false
    }
  }

  watch(() => currentCommune.value?.code, load, { immediate: true })
  return { data, error, loading, reload: load }
}

/** One resource by its API path (a detail screen), loaded at once; `reload` reads it again. */
export function useOne<T = any>(path: string, refusal: string) {
  const data = ref<T | null>(null) as Ref<T | null>
  const error = ref<string | null>(null)
  const loading = ref(true)
  async function load() {
    loading.value = true
    error.value = null
    try {
      const { body, fromCache } = await get<{ data: T }>(path)
      data.value = body.data
      noteCache(fromCache)
    } catch (caught) {
      error.value = caught instanceof ApiError ? caught.message : refusal
    } finally {
      loading.value = false
    }
  }
  void load()
  return { data, error, loading, reload: load }
}

export const parisDateTime = (iso: string, options: Intl.DateTimeFormatOptions = {}) =>
  new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
    ...options,
  }).format(new Date(iso))

export const parisDay = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso))
