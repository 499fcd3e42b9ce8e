import type { DateTime } from 'luxon'
import { DomainError } from '#kernel/http/errors'

/** An alert always ends: a road reopens, water comes back. Without an end it would stay first. */
export function requireAlertExpiry(expireAt: DateTime | null) {
  if (!expireAt) {
    throw new DomainError(
      'E_ALERT_EXPIRY_REQUIRED',
      'Une alerte doit avoir une date de fin (« Retirer le »)',
      422,
      'expireAt'
    )
  }
}
