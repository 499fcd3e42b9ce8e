import { assert } from '@japa/assert'
import { apiClient } from '@japa/api-client'
import { browserClient } from '@japa/browser-client'
import app from '@adonisjs/core/services/app'
import type { Config } from '@japa/runner/types'
import { pluginAdonisJS } from '@japa/plugin-adonisjs'
import testUtils from '@adonisjs/core/services/test_utils'
import { sessionApiClient } from '@adonisjs/session/plugins/api_client'
import { authApiClient } from '@adonisjs/auth/plugins/api_client'
import { shieldApiClient } from '@adonisjs/shield/plugins/api_client'
import { inertiaApiClient } from '@adonisjs/inertia/plugins/api_client'
import { chromium } from 'playwright'

/**
 * Browser tests drive Debian's Chromium (CHROMIUM_PATH overrides it): Playwright downloads
 * no browser on this platform.
 */
export const plugins: Config['plugins'] = [
  assert(),
  apiClient(),
  sessionApiClient(app),
  shieldApiClient(),
  authApiClient(app),
  inertiaApiClient(app),
  pluginAdonisJS(app),
  browserClient({
    runInSuites: ['browser'],
    launcher: (options) =>
      chromium.launch({
        ...options,
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      }),
  }),
]

/**
 * The test database is migrated once per run, from scratch, so that a changed migration never
 * leaves a stale schema behind.
 */
export const runnerHooks: Required<Pick<Config, 'setup' | 'teardown'>> = {
  setup: [
    () => testUtils.db().migrate(),
    async () => {
      const { keepPostgisCatalogOnTruncate } = await import('#tests/helpers/postgis_catalog')
      keepPostgisCatalogOnTruncate()
    },
    // A run that was killed never rolled its migrations back: start from empty tables anyway,
    // or its leftover rows would fail the next run's counts.
    async () => {
      const truncateTables = await testUtils.db().truncate()
      await truncateTables()
    },
  ],
  teardown: [],
}

export const configureSuite: Config['configureSuite'] = (suite) => {
  if (['browser', 'functional'].includes(suite.name)) {
    // Every test starts with empty rate-limit counters, whatever ran before it.
    const resetRateLimits = () =>
      import('#tests/helpers/rate_limits').then((helpers) => helpers.resetRateLimits())
    suite.onGroup((group) => group.each.setup(resetRateLimits))
    suite.onTest((test) => test.setup(resetRateLimits))
    return suite.setup(() => testUtils.httpServer().start())
  }
}
