/*
| A small history-mode router for the citizen app (the app has a dozen flat screens; vue-router
| would add ~10 kB gzipped to the first screen). Each feature folder lists its routes; a path is
| `/segment/:param`; everything lives under BASE (/app).
*/
import { shallowRef, type Component } from 'vue'

export const BASE = '/app'

export interface RouteDefinition {
  path: string
  /** French title: the document title and what is announced to screen readers. */
  title: string
  component: () => Promise<Component | { default: Component }>
}

export interface CurrentRoute {
  definition: RouteDefinition
  params: Record<string, string>
  query: URLSearchParams
  path: string
}

const routes: RouteDefinition[] = []
export const current = shallowRef<CurrentRoute | null>(null)
let notFound: RouteDefinition | null = null

export function addRoutes(definitions: RouteDefinition[]) {
  routes.push(...definitions)
}

export function setNotFound(definition: RouteDefinition) {
  notFound = definition
}

function match(pattern: string, path: string): Record<string, string> | null {
  const wanted = pattern.split('/').filter(Boolean)
  const given = path.split('/').filter(Boolean)
  if (wanted.length !== given.length) return null
  const params: Record<string, string> = {}
  for (const [index, segment] of wanted.entries()) {
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(given[index])
    else if (segment !== given[index]) return null
  }
  return params
}

/** Resolves the location (pathname under BASE, search) into the current route. */
export function resolve(location: { pathname: string; search: string } = window.location) {
  const path = location.pathname.startsWith(BASE)
    ? location.pathname.slice(BASE.length) || '/'
    : '/'
  for (const definition of routes) {
    const params = match(definition.path, path)
    if (params) {
      current.value = { definition, params, query: new URLSearchParams(location.search), path }
      return
    }
  }
  current.value = {
    definition: notFound ?? routes[0],
    params: {},
    query: new URLSearchParams(location.search),
    path,
  }
}

/** `to` is a path inside the app (`/agenda?category=sport`). */
export function navigate(to: string, options: { replace?: boolean } = {}) {
  const url = new URL(href(to), window.location.origin)
  if (options.replace) window.history.replaceState({}, '', url)
  else window.history.pushState({}, '', url)
  resolve(url)
  window.scrollTo(0, 0)
}

export function href(to: string): string {
  return to.startsWith(BASE) ? to : `${BASE}${to === '/' ? '/' : to}`
}

export function startRouter() {
  // A skip link (#contenu) changes only the hash: the screen stays as it is.
  window.addEventListener('popstate', () => {
    if (current.value && window.location.pathname + window.location.search === `${BASE}${current.value.path}${current.value.query.size ? `?${current.value.query}` : ''}`) return
    resolve()
  })
  resolve()
}
