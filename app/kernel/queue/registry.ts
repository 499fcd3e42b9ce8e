import type { JobDefinition } from '#kernel/queue/job'
import { modules } from '#kernel/modules/registry'

/**
 * Jobs of the kernel itself (media…). Modules declare theirs in their manifest (`jobs`).
 */
const kernelJobs: Array<() => Promise<JobDefinition<any>[]>> = []

export function registerKernelJobs(loader: () => Promise<JobDefinition<any>[]>) {
  kernelJobs.push(loader)
}

export async function allJobs(): Promise<Map<string, JobDefinition<any>>> {
  const loaders = [
    ...kernelJobs,
    ...modules.flatMap((module) => (module.jobs ? [module.jobs] : [])),
  ]
  const loaded = await Promise.all(loaders.map((load) => load()))
  const definitions = loaded.flat()
  const byName = new Map<string, JobDefinition<any>>()
  for (const definition of definitions) {
    if (byName.has(definition.name)) throw new Error(`Job "${definition.name}" is defined twice`)
    byName.set(definition.name, definition)
  }
  return byName
}

export async function allQueueNames(): Promise<string[]> {
  const jobs = await allJobs()
  return [...new Set([...jobs.values()].map((job) => job.queue))].sort()
}
