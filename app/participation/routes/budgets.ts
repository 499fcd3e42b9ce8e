/*
| Participatory budgets. Citizen API: public reads under /api/v1/collectivities/:code/budgets
| (the authority, its EPCI and its département); proposals and ballots by signed-in citizens
| under /api/v1/budgets/:id; a ballot by its id under /api/v1/budget-ballots/:ballotId.
*/
import router from '@adonisjs/core/services/router'
import { api, citizenAuth } from '#start/kernel'

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
