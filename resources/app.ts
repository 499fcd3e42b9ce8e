import './css/app.css'
import { createApp, h } from 'vue'
import { createInertiaApp } from '@inertiajs/vue3'
import { resolvePage } from '~/pages'
import BackOfficeLayout from '~/layouts/back_office.vue'
import GuestLayout from '~/layouts/guest.vue'
import { cspNonce } from '~/composables/csp_nonce'

/** Pages shown to signed-out visitors (no navigation, no authority). */
const GUEST_PAGES = /^(auth|errors)\//


createInertiaApp({
  title: (title) => (title ? `${title} · Bastide` : 'Bastide'),
  resolve: async (name) => {
    const page = (await resolvePage(name)).default
    page.layout ??= GUEST_PAGES.test(name) ? GuestLayout : BackOfficeLayout
    return page
  },
  setup({ el, App, props, plugin }) {
    createApp({ render: () => h(App, props) })
      .use(plugin)
      .mount(el)
  },
  progress: { color: '#1e40af' },
  nonce: cspNonce(),
})
