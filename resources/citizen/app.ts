/*
| Entry of the citizen app (/app): a Vue 3 PWA over /api/v1 only, with its own bundle.
| Screens are loaded on demand, so the first screen carries only the shell and the feed.
*/
import './citizen.css'
import { createApp } from 'vue'
import App from './app.vue'
import { addRoutes, setNotFound, startRouter } from './router'
import { features } from './features'
import { loadVocabularies } from './store'

for (const feature of features) addRoutes(feature.routes)
setNotFound({ path: '*', title: 'Page introuvable', component: () => import('./not_found.vue') })
startRouter()
createApp(App).mount('#citizen-app')
void loadVocabularies()

if ('serviceWorker' in navigator) {
  // The worker keeps the last feed, menus and contacts for offline reading.
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => {})
  })
}
