import type { Feature } from '../../features'

/** Participation: polls, consultations and participatory budgets of the commune being read. */
export default {
  routes: [
    { path: '/participer', title: 'Participer', component: () => import('./participate.vue') },
    { path: '/sondages/:code/:id', title: 'Sondage', component: () => import('./poll.vue') },
    { path: '/consultations/:code/:id', title: 'Consultation', component: () => import('./consultation.vue') },
    { path: '/budgets/:code/:id', title: 'Budget participatif', component: () => import('./budget.vue') },
  ],
  nav: [{ label: 'Participer', to: '/participer', icon: '🗳️', order: 4, place: 'more' }],
  feedLinks: {
    poll: (code, id) => `/sondages/${code}/${id}`,
    consultation: (code, id) => `/consultations/${code}/${id}`,
    budget: (code, id) => `/budgets/${code}/${id}`,
  },
} satisfies Feature
