import type { DefineComponent } from 'vue'

type PageModule = { default: DefineComponent }

/** Shell pages (resources/pages/) and module pages (app/<module>/pages/), loaded on demand. */
const shellPages = import.meta.glob<PageModule>('./pages/**/*.vue')
const modulePages = import.meta.glob<PageModule>('../app/*/pages/**/*.vue')

/**
 * Finds a page by its Inertia name: `<module>/<path>` is app/<module>/pages/<path>.vue when that
 * file exists (e.g. `info/news/index`), anything else resources/pages/<name>.vue.
 */
export async function resolvePage(name: string): Promise<PageModule> {
  const [module, ...rest] = name.split('/')
  const modulePath = `../app/${module}/pages/${rest.join('/')}.vue`
  const shellPath = `./pages/${name}.vue`
  if (rest.length > 0 && modulePath in modulePages) return modulePages[modulePath]()
  if (shellPath in shellPages) return shellPages[shellPath]()
  throw new Error(`Page introuvable : ${name}`)
}
