import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import StaticMiddleware from '@adonisjs/static/static_middleware'

/** URL prefixes that never name a file of public/: the machine-facing APIs. */
const API_PREFIXES = ['/api/', '/open311/', '/health']

/**
 * Serves public/ (back-office assets) like the framework's static middleware, but lets the
 * API requests through without a file-system lookup: serve-static stats the disk on every
 * request it sees, which the citizen API pays on its hot path (ADR 0002).
 */
@inject()
export default class PublicFilesMiddleware {
  constructor(private staticFiles: StaticMiddleware) {}

  handle(ctx: HttpContext, next: NextFn) {
    const url = ctx.request.url()
    if (API_PREFIXES.some((prefix) => url.startsWith(prefix))) return next()
    return this.staticFiles.handle(ctx, next)
  }
}
