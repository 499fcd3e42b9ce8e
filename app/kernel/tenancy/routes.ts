/*
| Back-office routes of the current authority: dashboard, authority switcher, modules &
| branding, audit log; and the département-wide failed jobs page (super-admins).
*/
import router from '@adonisjs/core/services/router'
import { middleware, tenantBackOffice } from '#start/kernel'

const DashboardController = () => import('#kernel/tenancy/controllers/dashboard_controller')
const AuthorityController = () => import('#kernel/tenancy/controllers/authority_controller')
const SettingsController = () => import('#kernel/tenancy/controllers/settings_controller')
const AuditController = () => import('#kernel/tenancy/controllers/audit_controller')
const FailedJobsController = () => import('#kernel/tenancy/controllers/failed_jobs_controller')

router
  .group(() => {
    router.get('/', [DashboardController, 'show']).as('dashboard')
    router.get('/authorities', [AuthorityController, 'index']).as('authorities.index')
    router.put('/authority', [AuthorityController, 'update']).as('authority.switch')
    router.get('/settings', [SettingsController, 'show']).as('settings.show')
    router.put('/settings/modules', [SettingsController, 'updateModules']).as('settings.modules')
    router
      .delete('/settings/modules/:key', [SettingsController, 'disableModule'])
      .as('settings.modules.disable')
    router.put('/settings/branding', [SettingsController, 'updateBranding']).as('settings.branding')
    router.get('/audit', [AuditController, 'index']).as('audit.index')
    router
      .group(() => {
        router.get('/jobs/failed', [FailedJobsController, 'index']).as('jobs.failed')
        router
          .post('/jobs/failed/:queue/:id/retry', [FailedJobsController, 'retry'])
          // A BullMQ job id, not a row id: any short name.
          .where('id', /^[\w:.-]{1,200}$/)
          .as('jobs.retry')
      })
      .use(middleware.superAdmin())
  })
  .use(tenantBackOffice())
