/*
| Preloaded (adonisrc.ts): makes the push job known to the queue registry, so that
| `queue:work` runs it and actions can dispatch it.
*/
import { registerKernelJobs } from '#kernel/queue/registry'

registerKernelJobs(async () => {
  const { deliverPushJob } = await import('#kernel/push/jobs/deliver_push_job')
  return [deliverPushJob]
})
