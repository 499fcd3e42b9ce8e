import { watch } from 'vue'
import type { Feature } from '../../features'
import { state } from '../../store'

const PUSH_KEY = 'bastide.push'

// Following or leaving a commune updates what this browser is pushed, once alerts are on.
watch(
  () => state.favourites.map((commune) => commune.code).join(','),
  async (codes) => {
    if (!codes || localStorage.getItem(PUSH_KEY) !== 'on') return
    const { enablePush } = await import('./push')
    await enablePush().catch(() => {})
  }
)

export default {
  routes: [{ path: '/alertes', title: 'Alertes', component: () => import('./alerts.vue') }],
  nav: [{ label: 'Alertes', to: '/alertes', icon: '🔔', order: 2, place: 'more' }],
} satisfies Feature
