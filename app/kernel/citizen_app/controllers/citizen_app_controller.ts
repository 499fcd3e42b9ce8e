import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import { readFile } from 'node:fs/promises'
import { mapTiles } from '#kernel/http/map_tiles'
import RenderAppManifest from '#kernel/citizen_app/actions/render_app_manifest'
import RenderAppIcon from '#kernel/citizen_app/actions/render_app_icon'
import { FIRST_REQUESTS_HASH, FIRST_REQUESTS_SCRIPT } from '#kernel/citizen_app/first_requests'

/**
 * Security headers of everything under /app. The citizen app has no session and no cookie, so
 * no CSRF; it runs its own scripts only (the config is a JSON data block, never executed).
 * The policy is sent in production: Vite's development server injects inline modules. The one
 * inline script of the page (the first screen's requests) is allowed by its hash.
 */
function secure(response: HttpContext['response']) {
  response.header('X-Content-Type-Options', 'nosniff')
  response.header('Referrer-Policy', 'strict-origin-when-cross-origin')
  response.header('X-Frame-Options', 'DENY')
  response.header('Permissions-Policy', 'geolocation=(self), camera=(self), microphone=()')
  if (app.inProduction) {
    response.header(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        `script-src 'self' ${FIRST_REQUESTS_HASH}`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob: https:",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ].join('; ')
    )
  }
}

let workerSource: Promise<string> | undefined

/** The citizen PWA: its shell page (every /app/* address), manifest, icons and service worker. */
export default class CitizenAppController {
  async shell({ view, request, response }: HttpContext) {
    secure(response)
    response.header('Cache-Control', 'no-cache')
    // The same background as the back-office maps: OpenStreetMap unless MAP_TILE_URL says otherwise.
    const { tileUrl, attribution } = mapTiles()
    const config = { mapTileUrl: tileUrl, mapAttribution: attribution }
    // `<` escaped so that no value can close the data block.
    const configJson = JSON.stringify(config).replace(/</g, '\\u003c')
    // The feed's title in the page itself (the screen the installed app opens on).
    const firstScreenTitle = /^\/app\/?$/.test(request.url()) ? 'Fil d’actualité' : null
    return view.render('citizen_app', {
      configJson,
      firstRequests: FIRST_REQUESTS_SCRIPT,
      firstScreenTitle,
    })
  }

  async manifest({ request, response }: HttpContext) {
    secure(response)
    response.header('Content-Type', 'application/manifest+json; charset=utf-8')
    response.header('Cache-Control', 'public, max-age=3600')
    const commune = request.qs().commune
    return JSON.stringify(
      await new RenderAppManifest().handle(typeof commune === 'string' ? commune : null)
    )
  }

  async icon({ params, request, response }: HttpContext) {
    const size = Number(String(params.file).replace(/\.png$/, ''))
    const colour = request.qs().colour
    const png = await new RenderAppIcon().handle(
      size,
      typeof colour === 'string' ? colour : undefined
    )
    secure(response)
    response.header('Content-Type', 'image/png')
    response.header('Cache-Control', 'public, max-age=86400')
    return response.send(png)
  }

  /**
   * Served from /app/ so that its scope is the app (Service-Worker-Allowed says so anyway) and
   * never cached by HTTP: a new release reaches every phone at its next visit.
   */
  async serviceWorker({ response }: HttpContext) {
    workerSource ??= readFile(app.makePath('resources/citizen/sw.js'), 'utf8')
    secure(response)
    response.header('Content-Type', 'text/javascript; charset=utf-8')
    response.header('Service-Worker-Allowed', '/app/')
    response.header('Cache-Control', 'no-cache')
    return workerSource
  }
}
