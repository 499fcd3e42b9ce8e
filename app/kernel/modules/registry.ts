import type { FeatureManifest, ModuleManifest } from '#kernel/modules/manifest'
import info from '#info/manifest'
import participation from '#participation/manifest'
import signalement from '#signalement/manifest'

/**
 * Every module of Bastide. A new module is one folder under app/ and one line here.
 */
export const modules: ModuleManifest[] = [info, participation, signalement]

export function allFeatures(): FeatureManifest[] {
  return modules.flatMap((module) => module.features)
}

export function findFeature(key: string): FeatureManifest | undefined {
  return allFeatures().find((feature) => feature.key === key)
}

export function coreFeatureKeys(): string[] {
  return allFeatures()
    .filter((feature) => feature.kind === 'core')
    .map((feature) => feature.key)
}
