/** A form that posts to the API and shows each French refusal next to its field. */
import { reactive, ref } from 'vue'
import { ApiError } from './api'

export function useApiForm<T extends Record<string, any>>(initial: T) {
  const values = reactive({ ...initial }) as T
  const errors = ref<Record<string, string>>({})
  const submitting = ref(false)

  async function submit(send: (values: T) => Promise<void>) {
    submitting.value = true
    errors.value = {}
    try {
      await send(values)
    } catch (caught) {
      errors.value = caught instanceof ApiError ? caught.byField : { _: String(caught) }
    } finally {
      submitting.value = false
    }
  }
  return { values, errors, submitting, submit }
}
