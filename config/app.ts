import type { IncomingMessage, ServerResponse } from 'node:http'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'
import { trustedProxies } from '#kernel/http/trusted_proxies'

export const appKey = env.get('APP_KEY')
export const appUrl = env.get('APP_URL')

const BAD_URL_ERROR = {
  code: 'E_BAD_URL',
  message: 'Adresse mal formée (encodage % invalide)',
}

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
  // X-Forwarded-For is read only from the proxies listed in TRUSTED_PROXIES (none by default).
  trustProxy: trustedProxies(env.get('TRUSTED_PROXIES')),
  useAsyncLocalStorage: false,
  // `near=43.6,0.58` and `bbox=w,s,e,n` stay strings: a raw comma is what curl and mobile URL
  // builders send, and no query parameter of ours is a comma-separated array.
  // A URL that cannot be decoded never reaches the router: answer in the API's error format.
  onBadUrl(_request: IncomingMessage, response: ServerResponse) {
    response.writeHead(400, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    response.end(JSON.stringify({ errors: [BAD_URL_ERROR] }))
  },
  qs: {
    parse: { depth: 5, parameterLimit: 1000, allowSparse: false, arrayLimit: 20, comma: false },
    stringify: { encode: true, encodeValuesOnly: false, arrayFormat: 'indices', skipNulls: false },
  },
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
