import { createRequire } from 'node:module'
import env from '#start/env'

const require = createRequire(import.meta.url)
const MB = 1024 * 1024

/**
 * Limits and tools of the media pipeline, read from the environment at each call so that a
 * test (or an operator) can change them without restarting anything that caches them.
 */
export function mediaLimits() {
  return {
    imageMaxBytes: env.get('MEDIA_IMAGE_MAX_MB', 15) * MB,
    videoMaxBytes: env.get('MEDIA_VIDEO_MAX_MB', 200) * MB,
    videoMaxSeconds: env.get('MEDIA_VIDEO_MAX_SECONDS', 180),
    /** Against decompression bombs: a header may claim any size, the decoder must not try. */
    imageMaxPixels: Math.round(env.get('MEDIA_IMAGE_MAX_MEGAPIXELS', 80) * 1_000_000),
  }
}

/** Widths of the image variants (never upscaled). */
export const IMAGE_WIDTHS = [320, 800, 1600] as const

/** The transcoded video fits in this box (landscape or portrait), like a 720p phone clip. */
export const VIDEO_BOX = { long: 1280, short: 720 }

/** The registry builds unless FFMPEG_PATH / FFPROBE_PATH point at system binaries. */
export function ffmpegPath(): string {
  return env.get('FFMPEG_PATH') || (require('@ffmpeg-installer/ffmpeg') as { path: string }).path
}

export function ffprobePath(): string {
  return env.get('FFPROBE_PATH') || (require('@ffprobe-installer/ffprobe') as { path: string }).path
}
