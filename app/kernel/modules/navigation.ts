import { modules } from '#kernel/modules/registry'
import type Tenant from '#kernel/tenancy/tenant'

export type NavigationLink = {
  label: string
  href: string
}

/**
 * The back-office pages of the features the current authority has switched on (core ones are
 * always on) that the agent may use, in the modules' order: declared by each feature's
 * `navigation` in its manifest, so a module adds its pages without touching the layout.
 */
export function navigationFor(tenant: Tenant): NavigationLink[] {
  const links = new Map<string, NavigationLink>()
  for (const module of modules) {
    for (const feature of module.features) {
      const entry = feature.navigation
      if (!entry || links.has(entry.href)) continue
      const on = feature.kind === 'core' || tenant.collectivity.isModuleEnabled(feature.key)
      if (on && tenant.can(entry.ability))
        links.set(entry.href, { label: entry.label, href: entry.href })
    }
  }
  return [...links.values()]
}
