/*
| Routes of the signalement module: the citizen API under /api/v1, Open311 GeoReport v2 under
| /open311/v2 (lean stack, its own error format), the back-office (tenant stack).
*/
import router from '@adonisjs/core/services/router'
import { api, apiWithOwnWriteLimit, citizenAuth, tenantBackOffice } from '#start/kernel'
import { throttleReportSubmissions } from '#signalement/support/throttle'

const ReportsController = () => import('#signalement/controllers/api/reports_controller')
const MyReportsController = () => import('#signalement/controllers/api/my_reports_controller')

// Filing a report is limited per address and per account, tighter than any other write.
router
  .post('/api/v1/reports', [ReportsController, 'store'])
  .use([...apiWithOwnWriteLimit(), throttleReportSubmissions, citizenAuth()])

router
  .group(() => {
    router.get('/reports/nearby', [ReportsController, 'nearby'])
    router.get('/reports/:id', [ReportsController, 'show'])
    router.post('/reports/:id/support', [ReportsController, 'support']).use(citizenAuth())
    router.post('/reports/:id/flag', [ReportsController, 'flag']).use(citizenAuth())
    router.get('/me/reports', [ReportsController, 'mine']).use(citizenAuth())
    router.get('/me/reports/:id', [MyReportsController, 'show']).use(citizenAuth())
    router.get('/collectivities/:code/reports', [ReportsController, 'territory'])
  })
  .prefix('/api/v1')
  .use(api())

/*
| Open311 GeoReport v2: `/open311/v2/discovery.json`, `services.xml`, `services/voirie.json`,
| `requests.json` (GET, POST form-urlencoded), `requests/12.xml`. No session, no cookie.
*/
const GeoReportController = () => import('#signalement/controllers/open311/georeport_controller')

router
  .group(() => {
    router.get('/:file', [GeoReportController, 'resource']).as('open311.read')
    router.post('/:file', [GeoReportController, 'resource']).as('open311.write')
    router.get('/:collection/:file', [GeoReportController, 'item']).as('open311.item')
  })
  .prefix('/open311/v2')
  .use(api())

/* Back-office: the current authority's queue (tenant stack, ADR 0004). */
const QueueController = () => import('#signalement/controllers/back_office/queue_controller')

router
  .group(() => {
    router.get('/signalement', [QueueController, 'index']).as('signalement.queue')
    router
      .post('/signalement/:id/transition', [QueueController, 'transition'])
      .as('signalement.transition')
    router
      .post('/signalement/:id/reassign', [QueueController, 'reassign'])
      .as('signalement.reassign')
    router
      .post('/signalement/:id/moderation', [QueueController, 'moderate'])
      .as('signalement.moderate')
  })
  .use(tenantBackOffice())

/*
| Back-office: the queue's map and CSV export, a report's detail (photos, video, history) with
| hiding a photo and merging a duplicate (and undoing either), statistics, categories and Open311 keys.
*/
const ReportController = () => import('#signalement/controllers/back_office/report_controller')
const StatisticsController = () =>
  import('#signalement/controllers/back_office/statistics_controller')
const CategoriesController = () =>
  import('#signalement/controllers/back_office/categories_controller')
const Open311KeysController = () =>
  import('#signalement/controllers/back_office/open311_keys_controller')

router
  .group(() => {
    router.get('/signalement/map', [QueueController, 'map']).as('signalement.map')
    router.get('/signalement/export.csv', [QueueController, 'export']).as('signalement.export')
    router
      .get('/signalement/statistics', [StatisticsController, 'index'])
      .as('signalement.statistics')
    router
      .get('/signalement/categories', [CategoriesController, 'index'])
      .as('signalement.categories')
    router
      .put('/signalement/categories/:code', [CategoriesController, 'update'])
      .where('code', /^[a-z0-9_]{1,64}$/)
      .as('signalement.categories.update')
    router
      .get('/signalement/open311-keys', [Open311KeysController, 'index'])
      .as('signalement.open311_keys')
    router
      .post('/signalement/open311-keys', [Open311KeysController, 'store'])
      .as('signalement.open311_keys.store')
    router
      .post('/signalement/open311-keys/:id/revoke', [Open311KeysController, 'revoke'])
      .as('signalement.open311_keys.revoke')
    router.get('/signalement/:id', [ReportController, 'show']).as('signalement.show')
    router
      .post('/signalement/:id/hide-photo', [ReportController, 'hidePhoto'])
      .as('signalement.hide_photo')
    router
      .post('/signalement/:id/unhide-photo', [ReportController, 'unhidePhoto'])
      .as('signalement.unhide_photo')
    router.post('/signalement/:id/merge', [ReportController, 'merge']).as('signalement.merge')
    router.post('/signalement/:id/unmerge', [ReportController, 'unmerge']).as('signalement.unmerge')
  })
  .use(tenantBackOffice())
