import env from '#start/env'

/**
 * Links mailed to citizens. They open the mobile app (universal / app links on APP_URL's host),
 * which posts the token to the API (`/api/v1/auth/verify-email`, `/api/v1/auth/reset-password`).
 */
export function citizenAppLink(
  path: '/app/verifier-email' | '/app/nouveau-mot-de-passe',
  token: string
): string {
  const url = new URL(path, env.get('APP_URL'))
  url.searchParams.set('token', token)
  return url.toString()
}
