import type { JobDefinition } from '#kernel/queue/job'
import { modules } from '#kernel/modules/registry'

type JobLoader = () => Promise<JobDefinition<any>[]>

/**
 * Jobs of the kernel itself (media…). Modules declare theirs in their manifest (`jobs`).
 * Loaders only import and return definitions: no I/O (a loader waiting on Redis would hang
 * every caller, `/health` included). Repeated runs are declared with `repeat` on the job.
 */
const kernelJobs: JobLoader[] = []

/** The loaded definitions, kept once loaded; registering a loader forgets them. */
let loadedJobs: Map<string, JobDefinition<any>> | undefined

/** Registers a loader; returns a function that removes it (tests). */
export function registerKernelJobs(loader: JobLoader): () => void {
  kernelJobs.push(loader)
  loadedJobs = undefined
  return () => {
    const index = kernelJobs.indexOf(loader)
    if (index !== -1) kernelJobs.splice(index, 1)
    loadedJobs = undefined
  }
}

export async function allJobs(): Promise<Map<string, JobDefinition<any>>> {
  if (loadedJobs) return loadedJobs
  const loaders = [
    ...kernelJobs,
    ...modules.flatMap((module) => (module.jobs ? [module.jobs] : [])),
  ]
  const loaded = await Promise.all(loaders.map((load) => load()))
  const byName = new Map<string, JobDefinition<any>>()
  for (const definition of loaded.flat()) {
    if (byName.has(definition.name)) throw new Error(`Job "${definition.name}" is defined twice`)
    byName.set(definition.name, definition)
  }
  loadedJobs = byName
  return byName
}

export async function allQueueNames(): Promise<string[]> {
  const jobs = await allJobs()
  return [...new Set([...jobs.values()].map((job) => job.queue))].sort()
}
