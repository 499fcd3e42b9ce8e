import { inject } from '@adonisjs/core'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import StaticMiddleware from '@adonisjs/static/static_middleware'
import { ASSETS_PREFIX, IMMUTABLE, servePrecompressed } from '#kernel/http/precompressed_assets'

/** URL prefixes that never name a file of public/: the machine-facing APIs. */
const API_PREFIXES = ['/api/', '/open311/', '/health']

/**
 * Serves public/ (back-office and citizen app assets) like the framework's static middleware,
 * but lets the API requests through without a file-system lookup: serve-static stats the disk
 * on every request it sees, which the citizen API pays on its hot path (ADR 0002). Hashed
 * build assets go out precompressed (brotli or gzip) and cached for a year (ADR 0026).
 */
@inject()
export default class PublicFilesMiddleware {
  constructor(private staticFiles: StaticMiddleware) {}

  async handle(ctx: HttpContext, next: NextFn) {
    const url = ctx.request.url()
    if (API_PREFIXES.some((prefix) => url.startsWith(prefix))) return next()
    if (url.startsWith(ASSETS_PREFIX)) {
      if (await servePrecompressed(ctx, app.publicPath())) return
      ctx.response.header('Cache-Control', IMMUTABLE)
    }
    return this.staticFiles.handle(ctx, next)
  }
}
