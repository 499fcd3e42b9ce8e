/*
| Entry of the citizen app (/app): a Vue 3 PWA over /api/v1 only, with its own bundle.
| Screens are loaded on demand, so the first screen carries only the shell and the feed.
*/
import './citizen.css'
import { createApp } from 'vue'
import App from './app.vue'
import { addRoutes, setNotFound, startRouter } from './router'
import { features } from './features'
import { follow, loadVocabularies, state } from './store'
import { get } from './api'

for (const feature of features) addRoutes(feature.routes)
setNotFound({ path: '*', title: 'Page introuvable', component: () => import('./not_found.vue') })
startRouter()
// A link handed out by a town hall (`/app/?commune=32013`) follows that commune directly
// (set before the first render, so that the feed shows it loading, not the chooser).
const shared = new URLSearchParams(window.location.search).get('commune')
if (shared) {
  state.joining = shared
  get(`/collectivities/${encodeURIComponent(shared)}`)
    .then(({ body }) => body.data.kind === 'commune' && follow(body.data))
    .catch(() => {})
    .finally(() => (state.joining = null))
}

createApp(App).mount('#citizen-app')
void loadVocabularies()

if ('serviceWorker' in navigator) {
  // The worker keeps the last feed, menus and contacts for offline reading.
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/app/sw.js', { scope: '/app/' }).catch(() => {})
  })
}
