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
  // `*` rather than echoing the caller's origin: no credentials are ever sent, and a cacheable
  // answer then stays the same for every origin (no `Vary: Origin` needed, no cache poisoning).
  origin: (_origin, ctx) =>
    CROSS_ORIGIN_PREFIXES.some((prefix) => ctx.request.url().startsWith(prefix)) ? '*' : false,
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
