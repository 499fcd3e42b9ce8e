/*
| Preloaded (adonisrc.ts): makes the media jobs known to the queue registry, so that
| `queue:work` runs them and actions can dispatch them.
*/
import { registerKernelJobs } from '#kernel/queue/registry'

registerKernelJobs(async () => {
  const { mediaJobs } = await import('#kernel/media/jobs/process_media_job')
  return mediaJobs
})
