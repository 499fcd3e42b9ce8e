/*
| Where a server's CPU went: self time per package and per function of a V8 `.cpuprofile`
| (written by `BENCH_CPU_PROF=DIR`, see env.ts).
|   node --import=@poppinss/ts-exec bench/helpers/cpu_profile_summary.ts FILE.cpuprofile [TOP]
| A package is the `node_modules/<name>` a function lives in, else `app/<area>`, `node:` for
| Node's own code, and `(program)`, `(idle)`, `(garbage collector)` as V8 names them.
*/
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)'
  if (url.startsWith('node:')) return 'node:'
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (inModules) return inModules[1]
  const inProject = /\/(app\/[^/]+|start|config|bin|bench)\//.exec(url)
  return inProject ? inProject[1] : url
}

/** Milliseconds of self time, grouped by `key`, largest first. */
export function selfTime(profile: Profile, key: (node: ProfileNode) => string) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const totals = new Map<string, number>()
  profile.samples.forEach((id, index) => {
    const name = key(byId.get(id)!)
    totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000)
  })
  return [...totals.entries()].sort((a, b) => b[1] - a[1])
}

function table(title: string, rows: Array<[string, number]>, total: number, top: number) {
  const lines = [`\n${title}`, '| ms | % | where |', '| ---: | ---: | --- |']
  for (const [name, ms] of rows.slice(0, top)) {
    lines.push(`| ${ms.toFixed(0)} | ${((100 * ms) / total).toFixed(1)} | ${name} |`)
  }
  return lines.join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, topArg] = process.argv.slice(2)
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const top = Number(topArg ?? 30)
  const all = selfTime(profile, () => 'all')[0][1]
  const busy =
    all -
    (selfTime(profile, (n) => n.callFrame.functionName).find(([name]) => name === '(idle)')?.[1] ??
      0)
  console.log(`${(all / 1000).toFixed(1)} s profiled, ${(busy / 1000).toFixed(1)} s busy`)
  console.log(
    table(
      'Self time per package',
      selfTime(profile, (n) => packageOf(n.callFrame.url, n.callFrame.functionName)),
      all,
      top
    )
  )
  const located = (n: ProfileNode) => {
    const { functionName, url, lineNumber } = n.callFrame
    const where = url
      .replace(/^.*node_modules\//, '')
      .replace(/^file:\/\/.*?\/(app|start|bench)\//, '$1/')
    return `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`
  }
  console.log(table('Self time per function', selfTime(profile, located), all, top))
}
