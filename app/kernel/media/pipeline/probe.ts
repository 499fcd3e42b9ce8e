import { ffprobePath } from '#kernel/media/config'
import { runTool } from '#kernel/media/pipeline/run_tool'

export interface ProbedStream {
  index: number
  codec_type?: string
  codec_name?: string
  width?: number
  height?: number
  duration?: string
  pix_fmt?: string
  disposition?: Record<string, number>
  tags?: Record<string, string>
  side_data_list?: Array<{ side_data_type?: string; rotation?: number }>
}

export interface Probe {
  streams: ProbedStream[]
  format: { duration?: string; format_name?: string; tags?: Record<string, string> }
}

/** ffprobe's view of a file (streams and container), as JSON. Throws ToolFailed when unreadable. */
export async function probe(path: string, signal?: AbortSignal): Promise<Probe> {
  const output = await runTool(
    ffprobePath(),
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path],
    signal
  )
  const parsed = JSON.parse(output) as Partial<Probe>
  return { streams: parsed.streams ?? [], format: parsed.format ?? {} }
}

/** Rotation a player applies (display matrix, or the older `rotate` tag), in degrees. */
export function rotationOf(stream: ProbedStream): number {
  const matrix = stream.side_data_list?.find((data) => typeof data.rotation === 'number')
  if (matrix?.rotation !== undefined) return matrix.rotation
  return Number(stream.tags?.rotate ?? 0) || 0
}

/** The picture stream of a video: cover art attached to an audio file does not count. */
export function videoStreamOf(result: Probe): ProbedStream | undefined {
  return result.streams.find(
    (stream) => stream.codec_type === 'video' && !stream.disposition?.attached_pic
  )
}
