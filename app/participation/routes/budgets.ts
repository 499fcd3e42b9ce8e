/*
| Participatory budgets. Citizen API: public reads under /api/v1/collectivities/:code/budgets
| (the authority, its EPCI and its département); proposals and ballots by signed-in citizens
| under /api/v1/budgets/:id; a ballot by its id under /api/v1/budget-ballots/:ballotId.
*/
import router from '@adonisjs/core/services/router'
import { api, citizenAuth, tenantBackOffice } from '#start/kernel'

const BudgetsController = () => import('#participation/controllers/api/budgets_controller')

router
  .group(() => {
    router.get('/collectivities/:code/budgets', [BudgetsController, 'index'])
    router.get('/collectivities/:code/budgets/:id', [BudgetsController, 'show'])
    router.get('/collectivities/:code/budgets/:id/results', [BudgetsController, 'results'])
    router
      .group(() => {
        router.post('/budgets/:id/proposals', [BudgetsController, 'propose'])
        router.get('/budgets/:id/ballot', [BudgetsController, 'ballot'])
        router.put('/budgets/:id/ballot', [BudgetsController, 'saveBallot'])
        router.post('/budgets/:id/ballot/submit', [BudgetsController, 'submitBallot'])
        router.get('/budget-ballots/:ballotId', [BudgetsController, 'showBallot'])
      })
      .use(citizenAuth())
  })
  .prefix('/api/v1')
  .use(api())

/*
| Back-office: the current authority's campaigns (edited beside their list, `?edit=ID|new`),
| a campaign's page (phase, review and moderation of projects, paper ballots, live figures),
| its results and their CSV export.
*/
const BackOffice = () => import('#participation/controllers/back_office/budgets_controller')

router
  .group(() => {
    router.get('/participation/budgets', [BackOffice, 'index']).as('participation.budgets.index')
    router.post('/participation/budgets', [BackOffice, 'store']).as('participation.budgets.store')
    router.get('/participation/budgets/:id', [BackOffice, 'show']).as('participation.budgets.show')
    router
      .put('/participation/budgets/:id', [BackOffice, 'update'])
      .as('participation.budgets.update')
    router
      .post('/participation/budgets/:id/phase', [BackOffice, 'advance'])
      .as('participation.budgets.phase')
    router
      .post('/participation/budgets/:id/projects/:projectId/review', [BackOffice, 'review'])
      .as('participation.budgets.review')
    router
      .post('/participation/budgets/:id/projects/:projectId/merge', [BackOffice, 'merge'])
      .as('participation.budgets.merge')
    router
      .post('/participation/budgets/:id/projects/:projectId/hide', [BackOffice, 'hide'])
      .as('participation.budgets.hide')
    router
      .post('/participation/budgets/:id/paper-ballots', [BackOffice, 'paperBallot'])
      .as('participation.budgets.paper')
    router
      .get('/participation/budgets/:id/results', [BackOffice, 'results'])
      .as('participation.budgets.results')
    router
      .get('/participation/budgets/:id/export', [BackOffice, 'export'])
      .as('participation.budgets.export')
  })
  .use(tenantBackOffice())
