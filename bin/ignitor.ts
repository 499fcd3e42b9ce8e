/*
| The application's ignitor, alike for the web server (bin/server.ts), Ace (bin/console.ts) and
| the test runner (bin/test.ts): one application root, one importer, env validated at boot,
| SIGTERM (and SIGINT under pm2) terminating the app gracefully.
*/
import 'reflect-metadata'
import { Ignitor } from '@adonisjs/core'

/** URL to the application root, from which AdonisJS resolves files and folders. */
export const APP_ROOT = new URL('../', import.meta.url)

/** Imports files in the context of the application (relative paths from its root). */
function importer(filePath: string) {
  if (filePath.startsWith('./') || filePath.startsWith('../')) {
    return import(new URL(filePath, APP_ROOT).href)
  }
  return import(filePath)
}

export function createIgnitor() {
  return new Ignitor(APP_ROOT, { importer }).tap((app) => {
    app.booting(async () => {
      await import('#start/env')
    })
    app.listen('SIGTERM', () => app.terminate())
    app.listenIf(app.managedByPm2, 'SIGINT', () => app.terminate())
  })
}
