import { nextTick, watch, type Ref } from 'vue'

/** Controls a keyboard user can land on, in document order. */
const CONTROLS = 'input:not([type=hidden]):not([disabled]), select, textarea, [contenteditable=true], button'

/**
 * The back-office form pattern (docs/CONVENTIONS.md, « Formulaires »): after a refused
 * submission the page comes back with the agent's input and a message next to each field;
 * this moves the focus to the first field in error (`aria-invalid="true"`, or the control an
 * error message describes, or the message itself) so that a keyboard or screen-reader user
 * lands on it.
 */
export function useFocusFirstError(form: Ref<HTMLElement | undefined | null>, errors: () => Record<string, unknown>) {
  watch(
    () => Object.keys(errors() ?? {}).filter((key) => errors()[key]).join(','),
    async (keys) => {
      if (!keys) return
      await nextTick()
      focusFirstError(form.value)
    }
  )
}

export function focusFirstError(form: HTMLElement | undefined | null): boolean {
  if (!form) return false
  const invalid = form.querySelector<HTMLElement>('[aria-invalid="true"]')
  const message = form.querySelector<HTMLElement>('.error[id]')
  const described = message ? form.querySelector<HTMLElement>(`[aria-describedby~="${message.id}"]`) : null
  // Whichever comes first in the document: the first invalid control or the first message.
  const candidates = [invalid, described ?? message].filter((element): element is HTMLElement => !!element)
  candidates.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
  const target = candidates[0]
  if (!target) return false
  if (!target.matches(CONTROLS) && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1')
  target.focus()
  return true
}

/** Focuses the first control of a form (when « Nouveau » opens it). */
export function focusFirstControl(form: HTMLElement | undefined | null) {
  form?.querySelector<HTMLElement>(CONTROLS)?.focus()
}
