import { defineConfig } from '@adonisjs/cors'

/** Paths that browsers on other origins may call: the token-authenticated API and Open311. */
const CROSS_ORIGIN_PREFIXES = ['/api/', '/open311/']

/**
 * The citizen API and Open311 authenticate with bearer tokens, never cookies: any origin may call
 * them, without credentials. The back-office is same-origin only (its session cookie must never
 * be usable from another site).
 */
const corsConfig = defineConfig({
  enabled: true,
  origin: (_origin, ctx) =>
    CROSS_ORIGIN_PREFIXES.some((prefix) => ctx.request.url().startsWith(prefix)),
  methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  headers: true,
  exposeHeaders: [
    'etag',
    'retry-after',
    'x-ratelimit-limit',
    'x-ratelimit-remaining',
    'x-ratelimit-reset',
    'content-disposition',
  ],
  credentials: false,
  maxAge: 600,
})

export default corsConfig
