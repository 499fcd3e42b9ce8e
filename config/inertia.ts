import { defineConfig } from '@adonisjs/inertia'

/**
 * The back-office: client-side rendered Inertia pages (no SSR), French UI. The root view loads
 * resources/app.ts through Vite.
 */
const inertiaConfig = defineConfig({
  rootView: 'inertia_layout',
  encryptHistory: false,
  ssr: { enabled: false, entrypoint: 'resources/ssr.ts' },
})

export default inertiaConfig
