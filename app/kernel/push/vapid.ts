import env from '#start/env'

export interface VapidDetails {
  subject: string
  publicKey: string
  privateKey: string
}

/**
 * The VAPID identity this deployment signs its pushes with (RFC 8292), from the environment;
 * `npm run ace -- push:vapid-keys` prints a fresh pair. Null when not configured: push is
 * then off, and everything else works.
 */
export function vapidDetails(): VapidDetails | null {
  const publicKey = env.get('VAPID_PUBLIC_KEY')
  const privateKey = env.get('VAPID_PRIVATE_KEY')
  if (!publicKey || !privateKey) return null
  return {
    publicKey,
    privateKey,
    subject: env.get('VAPID_SUBJECT') ?? 'mailto:ne-pas-repondre@bastide.localhost',
  }
}
