import type { Feature } from '../../features'

export default {
  routes: [{ path: '/communes', title: 'Mes communes', component: () => import('./choose.vue') }],
  nav: [{ label: 'Communes', to: '/communes', icon: '📍', order: 1, place: 'more' }],
} satisfies Feature
