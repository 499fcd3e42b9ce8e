import { allFeatures } from '#kernel/modules/registry'
import type { FeatureManifest } from '#kernel/modules/manifest'
import type Collectivity from '#kernel/territories/models/collectivity'

/** The back-office URL prefixes of a feature: its navigation page and its `backOfficePaths`. */
function prefixesOf(feature: FeatureManifest): string[] {
  return [feature.navigation?.href, ...(feature.backOfficePaths ?? [])].filter(
    (prefix): prefix is string => typeof prefix === 'string'
  )
}

const owns = (prefix: string, path: string) => path === prefix || path.startsWith(`${prefix}/`)

/**
 * The features a back-office path belongs to, when they are all switched off for the authority
 * (the longest declared prefix decides: `/info/imports/menus` belongs to canteens even though
 * `/info/places` pages belong to four place features). Empty when the path belongs to no feature
 * or to at least one that is on (core features are always on).
 */
export function switchedOffOwners(path: string, collectivity: Collectivity): FeatureManifest[] {
  let longest = ''
  let owners: FeatureManifest[] = []
  for (const feature of allFeatures()) {
    for (const prefix of prefixesOf(feature)) {
      if (!owns(prefix, path) || prefix.length < longest.length) continue
      if (prefix.length > longest.length) owners = []
      longest = prefix
      owners.push(feature)
    }
  }
  const on = owners.some(
    (feature) => feature.kind === 'core' || collectivity.isModuleEnabled(feature.key)
  )
  return on ? [] : owners
}

/** What the agent reads when a page of a switched-off feature is asked for. */
export function switchedOffMessage(owners: FeatureManifest[], collectivity: Collectivity) {
  const labels = owners.map((feature) => `« ${feature.label} »`)
  const subject =
    labels.length === 1
      ? `Le module ${labels[0]} n’est pas activé`
      : `Aucun des modules ${labels.join(', ')} n’est activé`
  return `${subject} pour ${collectivity.name} : un administrateur l’active dans « Modules et identité ».`
}
