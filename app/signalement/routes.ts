/*
| Routes of the signalement module: the citizen API under /api/v1, Open311 GeoReport v2 under
| /open311/v2 (lean stack, its own error format), the back-office (tenant stack).
*/
import router from '@adonisjs/core/services/router'
import { api, citizenAuth } from '#start/kernel'
import { throttleReportsPerAddress, throttleReportsPerCitizen } from '#signalement/support/throttle'

const ReportsController = () => import('#signalement/controllers/api/reports_controller')

router
  .group(() => {
    router
      .post('/reports', [ReportsController, 'store'])
      .use([throttleReportsPerAddress, citizenAuth(), throttleReportsPerCitizen])
    router.get('/reports/nearby', [ReportsController, 'nearby'])
    router.get('/reports/:id', [ReportsController, 'show'])
    router.post('/reports/:id/support', [ReportsController, 'support']).use(citizenAuth())
    router.post('/reports/:id/flag', [ReportsController, 'flag']).use(citizenAuth())
    router.get('/me/reports', [ReportsController, 'mine']).use(citizenAuth())
    router.get('/collectivities/:code/reports', [ReportsController, 'territory'])
  })
  .prefix('/api/v1')
  .use(api())
