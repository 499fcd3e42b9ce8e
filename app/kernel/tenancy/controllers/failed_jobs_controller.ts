import type { HttpContext } from '@adonisjs/core/http'
import ListFailedJobs from '#kernel/queue/actions/list_failed_jobs'
import RetryFailedJob from '#kernel/queue/actions/retry_failed_job'
import { audit } from '#kernel/accounts/actions/record_audit'

/** Failed background jobs of every queue (super-admins). */
export default class FailedJobsController {
  async index({ inertia }: HttpContext) {
    const jobs = await new ListFailedJobs().handle()
    return inertia.render('jobs/failed', {
      jobs: jobs.map((job) => ({ ...job, data: JSON.stringify(job.data) })),
    })
  }

  async retry({ params, auth, request, response, session }: HttpContext) {
    await new RetryFailedJob().handle({ queue: params.queue, jobId: params.id })
    await audit({
      agent: auth.use('web').user,
      action: 'job.retried',
      subject: { type: 'job', id: `${params.queue}:${params.id}` },
      ip: request.ip(),
    })
    session.flash('success', 'Tâche relancée.')
    return response.redirect('/jobs/failed')
  }
}
