/*
| The citizen app speaks to /api/v1 only, as a native app would: JSON, a bearer token kept on
| the device, and the API's error format `{ errors: [{ code, message, field }] }` turned into
| French messages shown next to the field they concern.
*/
const TOKEN_KEY = 'bastide.token'

export interface ApiErrorEntry {
  code: string
  message: string
  field?: string
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiErrorEntry[]
  ) {
    super(errors.map((entry) => entry.message).join(' ') || `Erreur ${status}`)
  }

  /** Field name → first message, for forms; messages without a field under `_`. */
  get byField(): Record<string, string> {
    const messages: Record<string, string> = {}
    for (const entry of this.errors) messages[entry.field ?? '_'] ??= entry.message
    return messages
  }

  has(code: string) {
    return this.errors.some((entry) => entry.code === code)
  }
}

export const OFFLINE_MESSAGE =
  'Vous êtes hors ligne : cette action sera possible une fois la connexion revenue.'

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY)
}

export function setToken(token: string | null) {
  if (token) localStorage.setItem(TOKEN_KEY, token)
  else localStorage.removeItem(TOKEN_KEY)
}

export interface ApiResult<T> {
  body: T
  /** True when the service worker answered from its cache (no network). */
  fromCache: boolean
}

declare global {
  interface Window {
    /** Responses the page's <head> already asked for (app/kernel/citizen_app/first_requests.ts). */
    __bastideFirst?: Record<string, Promise<Response> | undefined>
  }
}

/**
 * The response the page's head started for this public read, if any, taken once: later reads
 * of the same address go to the network (or the service worker) again. A failed early request
 * (offline) is forgotten: the caller asks again, and the service worker may answer from cache.
 */
async function takeFirstResponse(path: string): Promise<Response | null> {
  const early = window.__bastideFirst?.[path]
  if (!early) return null
  window.__bastideFirst![path] = undefined
  return early.catch(() => null)
}

export async function request<T = any>(
  path: string,
  options: { method?: string; body?: unknown; auth?: boolean } = {}
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  const token = getToken()
  if (token && options.auth !== false) headers.Authorization = `Bearer ${token}`
  let response: Response
  try {
    const early = options.method || options.body !== undefined ? null : await takeFirstResponse(path)
    response = early ?? await fetch(`/api/v1${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  } catch {
    throw new ApiError(0, [{ code: 'E_OFFLINE', message: OFFLINE_MESSAGE }])
  }
  const fromCache = response.headers.get('X-Bastide-Offline') === '1'
  if (response.status === 204) return { body: undefined as T, fromCache }
  const type = response.headers.get('Content-Type') ?? ''
  const body = type.includes('json') ? await response.json() : await response.text()
  if (!response.ok) {
    const errors: ApiErrorEntry[] = Array.isArray(body?.errors)
      ? body.errors
      : [{ code: 'E_HTTP', message: `Le service a répondu ${response.status}.` }]
    throw new ApiError(response.status, errors)
  }
  return { body, fromCache }
}

export const get = <T = any>(path: string) => request<T>(path)
