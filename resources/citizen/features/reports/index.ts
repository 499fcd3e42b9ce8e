import type { Feature } from '../../features'

/** Incident reports: file one (with photos, a video, a pin) and follow one's own. */
export default {
  routes: [
    { path: '/signaler', title: 'Signaler un problème', component: () => import('./report.vue') },
    { path: '/mes-signalements', title: 'Mes signalements', component: () => import('./my_reports.vue') },
    // What a report's push notification opens.
    { path: '/signalements/:id', title: 'Mes signalements', component: () => import('./my_reports.vue') },
  ],
  nav: [{ label: 'Signaler', to: '/signaler', icon: '🚧', order: 5, place: 'more' }],
} satisfies Feature
