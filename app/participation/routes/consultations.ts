/*
| Consultations: the same layout as polls (app/participation/routes/polls.ts), plus the
| free-text answers browsed page by page.
*/
import router from '@adonisjs/core/services/router'
import { api, citizenAuth, tenantBackOffice } from '#start/kernel'

const Api = () => import('#participation/controllers/api/consultations_controller')
const BackOffice = () => import('#participation/controllers/back_office/consultations_controller')

router
  .group(() => {
    router.get('/collectivities/:code/consultations', [Api, 'index'])
    router.get('/collectivities/:code/consultations/:id', [Api, 'show'])
    router.get('/collectivities/:code/consultations/:id/questions/:questionId/answers', [
      Api,
      'textAnswers',
    ])
    router
      .group(() => {
        router.post('/consultations/:id/submissions', [Api, 'submit'])
        router.get('/consultations/:id/submissions/:answerId', [Api, 'showSubmission'])
        router.put('/consultations/:id/submissions/:answerId', [Api, 'change'])
      })
      .use(citizenAuth())
  })
  .prefix('/api/v1')
  .use(api())

router
  .group(() => {
    router
      .get('/participation/consultations', [BackOffice, 'index'])
      .as('participation.consultations.index')
    router
      .post('/participation/consultations', [BackOffice, 'store'])
      .as('participation.consultations.store')
    router
      .put('/participation/consultations/:id', [BackOffice, 'update'])
      .as('participation.consultations.update')
    router
      .post('/participation/consultations/:id/publish', [BackOffice, 'publish'])
      .as('participation.consultations.publish')
    router
      .post('/participation/consultations/:id/withdraw', [BackOffice, 'withdraw'])
      .as('participation.consultations.withdraw')
    router
      .get('/participation/consultations/:id/results', [BackOffice, 'results'])
      .as('participation.consultations.results')
    router
      .get('/participation/consultations/:id/export', [BackOffice, 'export'])
      .as('participation.consultations.export')
  })
  .use(tenantBackOffice())
