/**
 * This page's Content-Security-Policy nonce (config/shield.ts, a meta tag of the root view), for
 * the style elements that libraries add at run time (Inertia's progress bar, Tiptap's editor CSS).
 */
export function cspNonce(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined
}
