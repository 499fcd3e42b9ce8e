/*
| Polls. Citizen API: public reads under /api/v1/collectivities/:code/polls (the authority, its
| EPCI and its département), answers by signed-in citizens under /api/v1/polls/:id. Back-office:
| the current authority's polls, edited beside their list (`?edit=ID|new`), results and export.
*/
import router from '@adonisjs/core/services/router'
import { api, citizenAuth, tenantBackOffice } from '#start/kernel'

const PollsController = () => import('#participation/controllers/api/polls_controller')
const BackOffice = () => import('#participation/controllers/back_office/polls_controller')

router
  .group(() => {
    router.get('/collectivities/:code/polls', [PollsController, 'index'])
    router.get('/collectivities/:code/polls/:id', [PollsController, 'show'])
    router
      .group(() => {
        router.post('/polls/:id/answers', [PollsController, 'answer'])
        router.get('/polls/:id/answers/:answerId', [PollsController, 'showAnswer'])
        router.put('/polls/:id/answers/:answerId', [PollsController, 'change'])
        router.get('/me/participations', [PollsController, 'mine'])
      })
      .use(citizenAuth())
  })
  .prefix('/api/v1')
  .use(api())

router
  .group(() => {
    router.get('/participation/polls', [BackOffice, 'index']).as('participation.polls.index')
    router.post('/participation/polls', [BackOffice, 'store']).as('participation.polls.store')
    router.put('/participation/polls/:id', [BackOffice, 'update']).as('participation.polls.update')
    router
      .post('/participation/polls/:id/publish', [BackOffice, 'publish'])
      .as('participation.polls.publish')
    router
      .post('/participation/polls/:id/withdraw', [BackOffice, 'withdraw'])
      .as('participation.polls.withdraw')
    router
      .get('/participation/polls/:id/results', [BackOffice, 'results'])
      .as('participation.polls.results')
    router
      .get('/participation/polls/:id/export', [BackOffice, 'export'])
      .as('participation.polls.export')
  })
  .use(tenantBackOffice())
