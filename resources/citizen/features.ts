/*
| The app's screens come from feature folders (features/<name>/index.ts), found at build time:
| a new area of the app (participation, reports) is one folder with its routes and menu entries,
| and no other file changes.
*/
import type { RouteDefinition } from './router'

export interface NavEntry {
  label: string
  to: string
  /** Decorative pictogram beside the label (hidden from screen readers). */
  icon: string
  /** Order in the bottom bar (`main`) or the header menu (`more`). */
  order: number
  place: 'main' | 'more'
}

export interface Feature {
  routes: RouteDefinition[]
  nav?: NavEntry[]
  /** Screens that open a feed item of another module (`poll` → `/sondages/CODE/ID`). */
  feedLinks?: Record<string, (code: string, id: number) => string>
}

const found = import.meta.glob<Feature>('./features/*/index.ts', { eager: true, import: 'default' })

export const features: Feature[] = Object.values(found)

export const navigation = (place: NavEntry['place']) =>
  features
    .flatMap((feature) => feature.nav ?? [])
    .filter((entry) => entry.place === place)
    .sort((a, b) => a.order - b.order)

/** Where a feed item of `type` opens, when some feature shows that type. */
export const feedLinkOf = (type: string, code: string, id: number): string | null =>
  features.find((feature) => feature.feedLinks?.[type])?.feedLinks![type](code, id) ?? null
