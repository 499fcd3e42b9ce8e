import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import adonisjs from '@adonisjs/vite/client'

export default defineConfig({
  plugins: [
    vue(),
    adonisjs({
      /** The back-office shell (Inertia + Vue) and the citizen PWA (/app), each its own bundle. */
      entryPoints: ['resources/app.ts', 'resources/citizen/app.ts'],
      reload: ['resources/views/**/*.edge'],
    }),
  ],
  resolve: {
    alias: { '~/': `${import.meta.dirname}/resources/` },
  },
  /**
   * Client build only: @adonisjs/vite 6 would also build the `ssr` environment into
   * public/assets and overwrite the client manifest (STACK-NOTES, pitfall 3).
   */
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.client)
    },
  },
  /**
   * Pre-bundled at start: a dependency first met on a page makes Vite's dev server reload that
   * page, which loses what a browser test (or an agent) has just typed.
   */
  optimizeDeps: {
    include: [
      '@tiptap/vue-3',
      '@tiptap/starter-kit',
      '@tiptap/extension-image',
      '@tiptap/extension-link',
      'chart.js',
      'vue-chartjs',
      'leaflet',
    ],
  },
  server: {
    /**
     * Each concurrent test run (CI beside a helper's worktree) gives its own HMR port; two dev
     * servers on Vite's default 24678 would share one socket.
     */
    hmr: process.env.VITE_HMR_PORT ? { port: Number(process.env.VITE_HMR_PORT) } : undefined,
    watch: {
      ignored: ['**/storage/**', '**/tmp/**'],
    },
  },
})
