import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { test } from '@japa/runner'

/**
 * The import graph runs one way (ADR 0001): commands/, controllers and start/ above the
 * modules, the modules above the kernel, the kernel's `http` at the bottom. This reads every
 * import (static and dynamic) of the source files, so a new arrow the wrong way fails here.
 */
const ROOT = new URL('../../../', import.meta.url).pathname
const MODULE_ALIASES = ['#info/', '#participation/', '#signalement/']
/** What the kernel may read from start/: configuration and middleware stacks, no module. */
const START_FILES_THE_KERNEL_MAY_READ = ['#start/env', '#start/kernel', '#start/limiter']

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|vue)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
}

function importsOf(file: string): string[] {
  const source = readFileSync(join(ROOT, file), 'utf8')
  const pattern = /(?:from\s+|import\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm
  return [...source.matchAll(pattern)].map((match) => match[1])
}

/** The file an alias points at (`#kernel/x` → app/kernel/x.ts), or undefined for packages. */
function resolveAlias(specifier: string): string | undefined {
  const aliases: Record<string, string> = {
    '#kernel/': 'app/kernel/',
    '#info/': 'app/info/',
    '#participation/': 'app/participation/',
    '#signalement/': 'app/signalement/',
    '#start/': 'start/',
    '#middleware/': 'app/middleware/',
    '#exceptions/': 'app/exceptions/',
    '#config/': 'config/',
    '#database/': 'database/',
  }
  const alias = Object.keys(aliases).find((prefix) => specifier.startsWith(prefix))
  if (!alias) return undefined
  return `${aliases[alias]}${specifier.slice(alias.length)}.ts`
}

/** Every file reachable from `start` through project imports. */
function reachableFrom(start: string): Set<string> {
  const seen = new Set<string>()
  const pending = [start]
  while (pending.length) {
    const file = pending.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const specifier of importsOf(file)) {
      const target = resolveAlias(specifier)
      if (target && !seen.has(target)) {
        try {
          readFileSync(join(ROOT, target))
          pending.push(target)
        } catch {
          // An alias that is not a file here (a folder index, a generated file): not ours.
        }
      }
    }
  }
  return seen
}

const kernelFiles = sourceFiles('app/kernel')

test.group('Import graph', () => {
  test('the scan sees the kernel and its imports', ({ assert }) => {
    assert.isAbove(kernelFiles.length, 50)
    assert.include(importsOf('start/modules.ts'), '#info/manifest')
    assert.include(importsOf('app/kernel/http/openapi/document.ts'), '#kernel/http/openapi/common')
  })

  test('no file of the kernel imports a module or the composition root', ({ assert }) => {
    const wrongWay = kernelFiles.flatMap((file) =>
      importsOf(file)
        .filter(
          (specifier) =>
            MODULE_ALIASES.some((alias) => specifier.startsWith(alias)) ||
            (specifier.startsWith('#start/') &&
              !START_FILES_THE_KERNEL_MAY_READ.includes(specifier))
        )
        .map((specifier) => `${file} → ${specifier}`)
    )
    assert.deepEqual(wrongWay, [])
  })

  test('nothing the kernel imports, even through start/, reaches a module', ({ assert }) => {
    const reachingAModule = kernelFiles.filter((file) =>
      [...reachableFrom(file)].some((reached) =>
        [
          'app/info/',
          'app/participation/',
          'app/signalement/',
          'start/modules',
          'start/routes',
        ].some((prefix) => reached.startsWith(prefix))
      )
    )
    assert.deepEqual(reachingAModule, [])
  })

  test("the kernel's http layer imports no other kernel area", ({ assert }) => {
    const httpFiles = kernelFiles.filter((file) => file.startsWith('app/kernel/http/'))
    const upward = httpFiles.flatMap((file) =>
      importsOf(file)
        .filter(
          (specifier) => specifier.startsWith('#kernel/') && !specifier.startsWith('#kernel/http/')
        )
        .map((specifier) => `${file} → ${specifier}`)
    )
    assert.deepEqual(upward, [])
  })

  test('modules never import start/modules (the list is handed to the kernel)', ({ assert }) => {
    const moduleFiles = ['app/info', 'app/participation', 'app/signalement'].flatMap(sourceFiles)
    const circular = moduleFiles.filter((file) => importsOf(file).includes('#start/modules'))
    assert.deepEqual(circular, [])
  })
})
