import { DomainError } from '#kernel/http/errors'

/** Seconds a client is told to wait when a backing service is away. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5

/**
 * The one answer to a backing service being away, whoever meets it (rate limiter, queue):
 * 503 `E_SERVICE_UNAVAILABLE`, with `Retry-After` (set by the exception handler), so that a
 * client handles every outage alike.
 */
export class ServiceUnavailableError extends DomainError {
  constructor(message = 'Service momentanément indisponible : réessayez dans un instant') {
    super('E_SERVICE_UNAVAILABLE', message, 503)
  }
}

/** What ioredis, BullMQ and network sockets throw when the service behind them is away. */
const OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
])
const OUTAGE_MESSAGES = [
  /^Command timed out$/,
  /^Connection is closed\.?$/,
  /^Stream isn't writeable/,
  /max retries per request limit/i,
]

/**
 * A Redis outage (rate limiter, queue) seen by a request becomes a clear 503
 * `E_SERVICE_UNAVAILABLE` instead of a 500: the commands give up after `commandTimeout`
 * (config/redis.ts), the queue after DISPATCH_TIMEOUT_MS, both under 2 s. Returns undefined
 * for any other error.
 */
export function asServiceUnavailable(error: unknown): ServiceUnavailableError | undefined {
  if (error instanceof ServiceUnavailableError) return error
  if (!(error instanceof Error) || error instanceof DomainError) return undefined
  const code = (error as { code?: string }).code
  const isOutage =
    error.name === 'MaxRetriesPerRequestError' ||
    (code !== undefined && OUTAGE_CODES.has(code)) ||
    OUTAGE_MESSAGES.some((pattern) => pattern.test(error.message))
  if (!isOutage) return undefined
  return new ServiceUnavailableError()
}
