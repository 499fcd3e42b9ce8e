import type { Feature } from '../../features'

/** Incident reports: file one (with photos, a video, a pin) and follow one's own. */
export default {
  routes: [
    { path: '/signaler', title: 'Signaler un problème', component: () => import('./report.vue') },
    { path: '/mes-signalements', title: 'Mes signalements', component: () => import('./my_reports.vue') },
    // One's own report with its history: also what a report's push notification opens.
    { path: '/signalements/:id', title: 'Mon signalement', component: () => import('./report_detail.vue') },
  ],
  nav: [{ label: 'Signaler', to: '/signaler', icon: '🚧', order: 5, place: 'more' }],
} satisfies Feature
