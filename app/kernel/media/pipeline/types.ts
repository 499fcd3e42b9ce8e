import type { MediaPlaceholder } from '#kernel/media/models/media'

/** A file a pipeline wrote in its work folder, to be stored as a public variant. */
export interface ProducedFile {
  /** Variant name, also its file name in storage: `w800.webp`, `video.mp4`, `poster.jpg`. */
  name: string
  path: string
  mime: string
  width: number
  height: number
  bytes: number
}

/** What a pipeline learnt about the original and what it made from it. */
export interface PipelineResult {
  facts: {
    width: number
    height: number
    durationMs?: number
    videoCodec?: string | null
    audioCodec?: string | null
  }
  files: ProducedFile[]
  placeholder: MediaPlaceholder | null
}
