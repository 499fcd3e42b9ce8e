import type { OpenApiFragment } from '#kernel/http/openapi/types'

export type OpenApiFragmentLoader = () => Promise<{ default: OpenApiFragment }>

/**
 * The fragments of `/api/v1/openapi.json`, in the order their tags appear. The kernel's HTTP
 * layer imports no area: each kernel area registers its own fragment beside its routes, and
 * the composition root (start/routes.ts) registers each module's manifest `openapi`.
 */
const loaders: OpenApiFragmentLoader[] = []

/** Registers a fragment loader; returns a function that removes it (tests). */
export function registerOpenApiFragment(loader: OpenApiFragmentLoader): () => void {
  if (!loaders.includes(loader)) loaders.push(loader)
  onChange?.()
  return () => {
    const index = loaders.indexOf(loader)
    if (index !== -1) loaders.splice(index, 1)
    onChange?.()
  }
}

export function registeredOpenApiFragments(): readonly OpenApiFragmentLoader[] {
  return loaders
}

let onChange: (() => void) | undefined

/** The document cache forgets itself when the fragments change (document.ts). */
export function onOpenApiFragmentsChange(listener: () => void): void {
  onChange = listener
}
