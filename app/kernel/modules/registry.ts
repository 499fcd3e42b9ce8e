import type { FeatureManifest, ModuleManifest } from '#kernel/modules/manifest'

/**
 * The modules of this deployment, handed to the kernel by the composition root
 * (`start/modules.ts`, preloaded first) through `registerModules`. The kernel never imports a
 * module: it only reads this list (ADR 0001).
 */
const registered: ModuleManifest[] = []
let filled = false

export function registerModules(list: ModuleManifest[]): void {
  const keys = list.map((module) => module.key)
  if (new Set(keys).size !== keys.length) throw new Error(`Modules declared twice: ${keys}`)
  registered.splice(0, registered.length, ...list)
  filled = true
}

/** True once the composition root has registered the modules (tests of the boot order). */
export function modulesRegistered(): boolean {
  return filled
}

/**
 * Every registered module (read-only: writes throw). Reading it before `registerModules` is a boot
 * order mistake (a silent empty list would switch every module off): it throws.
 */
export const modules: ModuleManifest[] = new Proxy(registered, {
  get(target, property, receiver) {
    if (!filled) {
      throw new Error(
        'The module list is read before start/modules.ts registered it (preload it first)'
      )
    }
    return Reflect.get(target, property, receiver)
  },
  set() {
    throw new Error('Register modules with registerModules(), in start/modules.ts')
  },
})

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
