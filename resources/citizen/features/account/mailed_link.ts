/*
| The pages the mailed links open ask the API first whether the token still works
| (GET /auth/{verify-email,reset-password}/:token, which does not spend it), so that an expired
| or already used link is told at once, not after the form is filled in.
*/
import { ApiError, request } from '../../api'

export type LinkKind = 'verify' | 'reset'
/** `incomplete`: the address lost its token (a mail client cut it). */
export type LinkRefusal = 'expired' | 'used' | 'incomplete'

const PATHS: Record<LinkKind, string> = { verify: '/auth/verify-email/', reset: '/auth/reset-password/' }

/** `null` when the link still works; otherwise why it does not. Other failures are thrown. */
export async function linkRefusal(kind: LinkKind, token: string): Promise<LinkRefusal | null> {
  if (!token) return 'incomplete'
  try {
    await request(PATHS[kind] + encodeURIComponent(token), { auth: false })
    return null
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 410) return caught.has('E_LINK_EXPIRED') ? 'expired' : 'used'
    throw caught
  }
}
