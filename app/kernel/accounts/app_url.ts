import env from '#start/env'

/** Absolute URL of a back-office path, for mailed links and CLI output. */
export function backOfficeUrl(path: string): string {
  return new URL(path, env.get('APP_URL')).toString()
}
