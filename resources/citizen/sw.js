/*
| Service worker of the citizen app (scope /app/). Keeps what a resident needs offline: the app
| shell and its assets, and the last answers of the feed, menus, canteens, contacts, news and
| events. API reads go to the network first; when it is out of reach the cached answer is
| served with `X-Bastide-Offline: 1`, and the app shows its offline banner.
*/
const VERSION = 'bastide-citizen-v1'
const SHELL = '/app/'
const CACHED_API = [
  /\/api\/v1\/collectivities\/[^/]+\/(feed|canteens|contacts|news|events)(\/|\?|$)/,
  /\/api\/v1\/collectivities\/[^/]+\/canteens\/\d+\/menus/,
  /\/api\/v1\/vocabularies$/,
]

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.add(SHELL)).then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== VERSION).map((key) => caches.delete(key))))
      .then(() => self.clients.claim())
  )
})

async function fromCache(request, key = request) {
  const cached = await caches.match(key)
  if (!cached) return null
  const headers = new Headers(cached.headers)
  headers.set('X-Bastide-Offline', '1')
  return new Response(await cached.blob(), { status: cached.status, headers })
}

async function networkFirst(request, key = request) {
  try {
    const response = await fetch(request)
    if (response.ok) {
      const cache = await caches.open(VERSION)
      await cache.put(key, response.clone())
    }
    return response
  } catch (error) {
    const cached = await fromCache(request, key)
    if (cached) return cached
    throw error
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request)
  if (cached) return cached
  const response = await fetch(request)
  if (response.ok) (await caches.open(VERSION)).put(request, response.clone())
  return response
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (request.mode === 'navigate' && url.pathname.startsWith('/app')) {
    // Every screen is the same shell; the router reads the address.
    event.respondWith(networkFirst(request, SHELL))
  } else if (CACHED_API.some((pattern) => pattern.test(url.pathname + url.search))) {
    // Signed-in requests are not kept: only public reads are.
    if (!request.headers.has('Authorization')) event.respondWith(networkFirst(request))
  } else if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/app/icons/') ||
    url.pathname.startsWith('/resources/') || url.pathname.startsWith('/node_modules/') || url.pathname.startsWith('/@')) {
    // Hashed build assets (and, in development, Vite's modules) once fetched.
    event.respondWith(url.pathname.startsWith('/assets/') ? cacheFirst(request) : networkFirst(request))
  }
})

self.addEventListener('push', (event) => {
  let message = { title: 'Bastide', body: '' }
  try {
    message = event.data ? event.data.json() : message
  } catch {
    message = { title: 'Bastide', body: event.data ? event.data.text() : '' }
  }
  event.waitUntil(
    Promise.all([
      self.registration.showNotification(message.title, {
        body: message.body,
        tag: message.tag,
        icon: '/app/icons/192.png',
        badge: '/app/icons/192.png',
        data: { url: message.url ?? SHELL },
        lang: 'fr',
      }),
      message.report ? tellOpenApps({ type: 'report-changed', report: message.report }) : null,
    ])
  )
})

/** A report's new state reaches the open screens at once, without waiting for a reload. */
async function tellOpenApps(news) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
  for (const client of windows) client.postMessage(news)
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  event.waitUntil(self.clients.openWindow(event.notification.data?.url ?? SHELL))
})
