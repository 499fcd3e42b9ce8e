import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import adonisjs from '@adonisjs/vite/client'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'

/**
 * Writes `file.br` and `file.gz` beside every built script, stylesheet and SVG, which the
 * server sends to browsers that accept them (app/kernel/http/precompressed_assets.ts): the
 * slowest phones download a third of the bytes, and nothing is compressed per request.
 */
function precompress(): Plugin {
  return {
    name: 'bastide-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const compressible = Object.values(bundle).filter((output) =>
        /\.(js|css|svg)$/.test(output.fileName)
      )
      await Promise.all(
        compressible.map(async (output) => {
          const source = Buffer.from(output.type === 'chunk' ? output.code : output.source)
          const path = join(options.dir!, output.fileName)
          await writeFile(
            `${path}.br`,
            brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
          )
          await writeFile(`${path}.gz`, gzipSync(source, { level: 9 }))
        })
      )
    },
  }
}

export default defineConfig({
  plugins: [
    vue(),
    adonisjs({
      /** The back-office shell (Inertia + Vue) and the citizen PWA (/app), each its own bundle. */
      entryPoints: ['resources/app.ts', 'resources/citizen/app.ts'],
      reload: ['resources/views/**/*.edge'],
    }),
    precompress(),
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
