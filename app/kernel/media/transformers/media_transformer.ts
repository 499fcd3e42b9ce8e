import env from '#start/env'
import type Media from '#kernel/media/models/media'
import type { MediaVariant } from '#kernel/media/models/media'

/**
 * Public URL of a variant, served by `GET /media/:publicId/:generation/:file` (see
 * app/kernel/media/routes.ts). Absolute, because the mobile apps load it as is.
 */
export function variantUrl(variant: Pick<MediaVariant, 'key'>): string {
  return `${publicMediaBaseUrl()}/${variant.key}`
}

/** What a variant's storage key is appended to (with a `/`), for statements that build URLs. */
export function publicMediaBaseUrl(): string {
  return env.get('APP_URL').replace(/\/$/, '')
}

export interface MediaJson {
  id: number
  kind: Media['kind']
  state: Media['state']
  mime: string
  width: number | null
  height: number | null
  duration_ms: number | null
  placeholder: { blurhash: string; dominant_colour: string } | null
  variants: Array<{
    name: string
    url: string
    mime: string
    width: number
    height: number
    bytes: number
  }>
  /** Only when failed: why, in French, for the uploader. */
  failure?: { code: string; reason: string }
}

/**
 * A media item as the API and the back-office show it: its variants (with their public URLs)
 * only once ready; pending, processing and failed ones show their state and no URL at all.
 * The original's storage key never appears.
 */
export function mediaJson(media: Media): MediaJson {
  const ready = media.state === 'ready'
  const json: MediaJson = {
    id: media.id,
    kind: media.kind,
    state: media.state,
    mime: media.mime,
    width: ready ? media.width : null,
    height: ready ? media.height : null,
    duration_ms: ready ? media.durationMs : null,
    placeholder:
      ready && media.placeholder
        ? {
            blurhash: media.placeholder.blurhash,
            dominant_colour: media.placeholder.dominantColour,
          }
        : null,
    variants: ready
      ? media.variants.map((variant) => ({
          name: variant.name,
          url: variantUrl(variant),
          mime: variant.mime,
          width: variant.width,
          height: variant.height,
          bytes: variant.bytes,
        }))
      : [],
  }
  if (media.state === 'failed') {
    json.failure = {
      code: media.failureCode ?? 'E_MEDIA_PROCESSING',
      reason: media.failureReason ?? 'Le traitement du fichier a échoué.',
    }
  }
  return json
}
