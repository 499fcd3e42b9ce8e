import { join } from 'node:path'
import { stat } from 'node:fs/promises'
import sharp from 'sharp'
import { VIDEO_BOX, ffmpegPath, mediaLimits } from '#kernel/media/config'
import { MediaRejected } from '#kernel/media/errors'
import { ToolFailed, runTool } from '#kernel/media/pipeline/run_tool'
import { probe, rotationOf, videoStreamOf, type Probe } from '#kernel/media/pipeline/probe'
import type { PipelineResult } from '#kernel/media/pipeline/types'
import { placeholderOf } from '#kernel/media/pipeline/image'

const unreadable = () =>
  new MediaRejected('E_MEDIA_UNREADABLE', 'La vidéo est illisible ou endommagée.')

/** Input problems become MediaRejected; an abort (timeout) or a system error stays as is. */
async function onInput<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof ToolFailed || error instanceof SyntaxError) throw unreadable()
    throw error
  }
}

/**
 * Fits the picture in 1280×720 (or 720×1280) without upscaling, even dimensions for yuv420p.
 * ffmpeg has already applied the source's rotation (autorotate) when this filter runs.
 */
function scaleFilter(): string {
  const factor = `min(1,min(${VIDEO_BOX.long}/max(iw,ih),${VIDEO_BOX.short}/min(iw,ih)))`
  return `scale=w='trunc(iw*${factor}/2)*2':h='trunc(ih*${factor}/2)*2',setsar=1`
}

export function transcodeArgs(input: string, output: string): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-i', input],
    ...['-map', '0:v:0', '-map', '0:a:0?', '-vf', scaleFilter()],
    ...[
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '23',
      '-profile:v',
      'high',
      '-pix_fmt',
      'yuv420p',
    ],
    ...['-c:a', 'aac', '-b:a', '128k', '-ac', '2'],
    // No metadata of any level (location, device, dates), no chapters; the rotation is applied
    // to the pixels, so the output carries none.
    ...[
      '-map_metadata',
      '-1',
      '-map_metadata:s:v',
      '-1',
      '-map_metadata:s:a',
      '-1',
      '-map_chapters',
      '-1',
    ],
    ...['-metadata:s:v:0', 'rotate=0', '-movflags', '+faststart', '-f', 'mp4', output],
  ]
}

function codecsOf(result: Probe) {
  return {
    videoCodec: videoStreamOf(result)?.codec_name ?? null,
    audioCodec: result.streams.find((stream) => stream.codec_type === 'audio')?.codec_name ?? null,
  }
}

/**
 * A video to an H.264/AAC MP4 of at most 720p (fast start, no metadata) and a poster taken at
 * about one second, through sharp like any photo. Refuses files without a picture stream and
 * videos over the configured length.
 */
export async function processVideo(
  path: string,
  workDir: string,
  signal: AbortSignal
): Promise<PipelineResult> {
  const source = await onInput(probe(path, signal))
  const stream = videoStreamOf(source)
  if (!stream)
    throw new MediaRejected('E_MEDIA_NO_VIDEO', 'Le fichier ne contient aucune image vidéo.')
  const duration = Number(source.format.duration ?? stream.duration)
  if (!Number.isFinite(duration) || duration <= 0) throw unreadable()
  const maxSeconds = mediaLimits().videoMaxSeconds
  if (duration > maxSeconds) {
    throw new MediaRejected(
      'E_MEDIA_TOO_LONG',
      `La vidéo dépasse la durée maximale de ${maxSeconds} secondes.`
    )
  }
  const quarterTurn = Math.abs(rotationOf(stream)) % 180 === 90
  const width = (quarterTurn ? stream.height : stream.width) ?? 0
  const height = (quarterTurn ? stream.width : stream.height) ?? 0

  const videoPath = join(workDir, 'video.mp4')
  await onInput(runTool(ffmpegPath(), transcodeArgs(path, videoPath), signal))
  const output = await probe(videoPath, signal)
  const outputStream = videoStreamOf(output)
  if (!outputStream?.width || !outputStream.height) throw unreadable()

  const framePath = join(workDir, 'frame.png')
  const posterAt = Math.min(1, duration / 2).toFixed(2)
  await onInput(
    runTool(
      ffmpegPath(),
      [
        '-hide_banner',
        '-nostdin',
        '-loglevel',
        'error',
        '-y',
        '-ss',
        posterAt,
        '-i',
        videoPath,
        '-frames:v',
        '1',
        framePath,
      ],
      signal
    )
  )
  const poster = await processPoster(framePath, workDir)
  const videoStat = await stat(videoPath)

  return {
    facts: { width, height, durationMs: Math.round(duration * 1000), ...codecsOf(source) },
    files: [
      {
        name: 'video.mp4',
        path: videoPath,
        mime: 'video/mp4',
        width: outputStream.width,
        height: outputStream.height,
        bytes: videoStat.size,
      },
      ...poster.files,
    ],
    placeholder: poster.placeholder,
  }
}

/** The poster frame as `poster.jpg`, re-encoded (and so stripped) by sharp, with a placeholder. */
async function processPoster(framePath: string, workDir: string) {
  const posterPath = join(workDir, 'poster.jpg')
  const info = await sharp(framePath)
    .toColourspace('srgb')
    .jpeg({ quality: 82, progressive: true })
    .toFile(posterPath)
  const placeholder = await placeholderOf(
    { input: posterPath, options: {} },
    mediaLimits().imageMaxPixels
  )
  return {
    files: [
      {
        name: 'poster.jpg',
        path: posterPath,
        mime: 'image/jpeg',
        width: info.width,
        height: info.height,
        bytes: info.size,
      },
    ],
    placeholder,
  }
}
